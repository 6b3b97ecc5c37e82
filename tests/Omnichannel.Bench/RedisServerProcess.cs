using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omnichannel.Bench;

/// <summary>A redis-server child process on a free loopback port, without persistence, in a temp folder.</summary>
internal sealed class RedisServerProcess : IStoreBackend
{
    private readonly ChildProcess _process;
    private readonly string _directory;
    private readonly int _port;

    private RedisServerProcess(ChildProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _port = port;
    }

    public string Name => "redis-server";

    public string ConnectionString => $"127.0.0.1:{_port},abortConnect=false";

    public static async Task<RedisServerProcess> StartAsync(string executable, CancellationToken cancellationToken)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"{executable} not found; install it (apt-get install -y redis-server) or pass --redis-server PATH.");
        }

        var directory = Directory.CreateTempSubdirectory("omnichannel-bench-redis-").FullName;
        var port = LoopbackPorts.Free();
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no",
        ];
        var process = ChildProcess.Start(executable, arguments, directory);
        var server = new RedisServerProcess(process, directory, port);
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start:{Environment.NewLine}{_process.Tail()}");
            }

            if (await PingAsync(cancellationToken))
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"redis-server did not answer PING on port {_port} within 15 s:{Environment.NewLine}{_process.Tail()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.DisposeAsync();
        }
        finally
        {
            TempFolders.Delete(_directory);
        }
    }
}
