using System.Net;
using System.Net.Sockets;
using Garnet;
using Garnet.server.Auth.Settings;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// A Garnet server in this process, on a loopback port, persisting to a data folder with an append-only file
/// and periodic checkpoints. Started once, on first use or by <see cref="EmbeddedGarnetHostedService"/>. Every
/// connection must present the password kept in the data folder (<see cref="EmbeddedStoreSecrets"/>): the port is
/// open to every user of the machine, the folder only to ours.
/// </summary>
public sealed class EmbeddedGarnet(EmbeddedStoreOptions options, string dataDirectory, ILoggerFactory loggerFactory) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<EmbeddedGarnet>();
    private GarnetServer? _server;
    private string? _password;

    public int Port { get; private set; }

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public bool IsRunning => _server is not null;

    public string ConnectionString =>
        $"127.0.0.1:{Port},password={_password ?? throw NotStarted()},allowAdmin=true,abortConnect=false";

    /// <summary>
    /// Starts the store once: recovers checkpoint and append-only file, then, unless
    /// <paramref name="rollBackUnfinished"/> is false (check only reads), rolls back the operations a crash left half
    /// applied (<see cref="JournalRecovery"/>) before anyone else can connect.
    /// </summary>
    public void EnsureStarted(bool rollBackUnfinished = true)
    {
        lock (_gate)
        {
            if (_server is not null)
            {
                return;
            }

            // Creates the folder 0700 (or closes an existing one) before Garnet writes a byte into it.
            _password = EmbeddedStoreSecrets.Password(DataDirectory, _logger);
            var started = System.Diagnostics.Stopwatch.StartNew();
            // A free port is found by binding and releasing it; another process can take it before Garnet binds.
            // With an automatic port, pick another and try again rather than fail the start.
            for (var attempt = 1; ; attempt++)
            {
                Port = options.Port != 0 ? options.Port : FreeLoopbackPort();
                // The password goes in as settings, not as an argument: arguments can end up in a log line.
                var garnetLogs = new GarnetLoggerFactory(loggerFactory);
                var server = new GarnetServer(BuildArguments(), garnetLogs,
                    authenticationSettingsOverride: new PasswordAuthenticationSettings(_password));
                try
                {
                    server.Start();
                    RefuseIncompleteRecovery(server, garnetLogs.Errors);
                    garnetLogs.StopWatching();
                    _server = server;
                    break;
                }
                catch (Exception ex) when (options.Port == 0 && attempt < 5 && IsPortTaken(ex))
                {
                    server.Dispose();
                    _logger.LogInformation("Port {Port} was taken before the embedded store could bind it; trying another", Port);
                }
            }

            if (rollBackUnfinished)
            {
                RollBackUnfinished();
            }

            EmbeddedStoreEndpoint.Write(DataDirectory, Port);
            _logger.LogInformation("Embedded Garnet store listening on 127.0.0.1:{Port} with data in {DataDirectory} (started in {Elapsed} ms)",
                Port, DataDirectory, started.ElapsedMilliseconds);
        }
    }

    // Garnet logs a recovery that failed (a corrupt append-only file, an unreadable checkpoint) and then serves what
    // it got back, which can be nothing. Serving that would look like data loss to every agent and let new writes
    // pile onto it: stop instead, and say what to do.
    private void RefuseIncompleteRecovery(GarnetServer server, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        if (options.AcceptIncompleteRecovery)
        {
            _logger.LogCritical("The embedded store recovered its data incompletely and serves what it got back, as "
                + "Omnichannel:Store:Embedded:AcceptIncompleteRecovery allows: {Errors}", string.Join(" | ", errors));
            return;
        }

        server.Dispose();
        throw new EmbeddedStoreRecoveryException(
            $"The embedded store in {DataDirectory} could not recover all of its data, so it will not serve part of it: "
            + string.Join(" | ", errors) + " Stop here: copy the data folder aside for diagnosis, then restore a backup "
            + "into it, or set Omnichannel:Store:Embedded:AcceptIncompleteRecovery=true to serve what was recovered "
            + "(docs/operations.md).");
    }

    // Garnet replays a Lua script after a crash only as far as its append-only file got (docs/store.md): the undo
    // journals of the scripts in flight at the crash say how to take back what they wrote. The server only
    // connects after this, so nothing builds on a half-applied operation.
    private void RollBackUnfinished()
    {
        using var multiplexer = ConnectionMultiplexer.Connect(ConnectionString);
        var count = JournalRecovery.RollBackAllAsync(multiplexer.GetDatabase()).GetAwaiter().GetResult();
        if (count > 0)
        {
            _logger.LogWarning("Rolled back {Count} operations a crash left unfinished in the embedded store", count);
        }
    }

    // Every flag here matters (see docs/store.md): RandomAccess avoids the native device that needs a newer glibc,
    // --recover loads the data on restart, --aof keeps writes across a hard kill. Nothing user-supplied goes in:
    // Garnet exits the process on --help or --version.
    internal string[] BuildArguments()
    {
        var args = new List<string>
        {
            "--bind", "127.0.0.1",
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--checkpointdir", DataDirectory,
            "--aof", "--recover", "--lua",
            "--device-type", "RandomAccess",
            "--index", "16m",
            "--memory", options.MemoryLimit,
            "--checkpoint-freq", options.CheckpointSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--aof-size-limit", "256m",
            "-q",
        };
        if (options.WaitForAofCommit)
        {
            args.Add("--aof-commit-wait");
        }

        return [.. args];
    }

    /// <summary>Flushes the append-only file and stops the server. Data stays on disk for the next start.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_server is null)
            {
                return;
            }

            try
            {
                _server.Store.CommitAOFAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                _logger.LogWarning(ex, "Flushing the embedded store's append-only file failed at shutdown");
            }

            _server.Dispose();
            _server = null;
            EmbeddedStoreEndpoint.Remove(DataDirectory);
            _logger.LogInformation("Embedded Garnet store stopped");
        }
    }

    public void Dispose() => Stop();

    private static InvalidOperationException NotStarted() =>
        new("The embedded store has not started: its password is read at start.");

    private static bool IsPortTaken(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
