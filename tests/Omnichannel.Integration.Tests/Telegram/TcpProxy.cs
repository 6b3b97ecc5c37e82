using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>
/// A loopback TCP relay to a store server that a test can cut (every connection dropped, new ones refused) and restore:
/// a store outage without losing the store's data.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly Task _accepting;
    private readonly string _options;
    private volatile bool _cut;

    public TcpProxy(string targetHostPort)
    {
        var parts = targetHostPort.Split(',')[0].Split(':');
        // The target's other options (its password above all) apply through the relay too.
        _options = string.Concat(targetHostPort.Split(',').Skip(1).Select(option => option + ","));
        _target = new IPEndPoint(IPAddress.Parse(parts[0] == "localhost" ? "127.0.0.1" : parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string through the relay, failing fast while it is cut.</summary>
    // Short enough that an outage shows quickly, long enough for a loaded CI machine to load the scripts at start.
    public string ConnectionString =>
        $"127.0.0.1:{Port},{_options}connectTimeout=2000,asyncTimeout=5000,syncTimeout=5000,connectRetry=1";

    public void Cut()
    {
        _cut = true;
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (_cut)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var a = client.GetStream().CopyToAsync(upstream.GetStream(), either.Token);
            var b = upstream.GetStream().CopyToAsync(client.GetStream(), either.Token);
            await Task.WhenAny(a, b);
            await either.CancelAsync();
        }
        catch (Exception)
        {
            // A cut or a closed side ends the relay.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
