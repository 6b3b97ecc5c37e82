using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, with no persistence and its working files in a
/// temp folder. Killed and cleaned up on <see cref="Dispose"/>.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    public const string BinaryPath = "/usr/bin/redis-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;

    private RedisServerProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>The server's <c>--dir</c>; its log is <c>redis.log</c> in there.</summary>
    public string Directory { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    /// <summary>Starts a server and waits until it answers PING.</summary>
    public static RedisServerProcess Start() => Start([]);

    /// <summary>
    /// Starts a server and waits until it answers PING; <paramref name="extraArgs"/> come after the defaults and
    /// override them (<c>"--appendonly", "yes"</c>).
    /// </summary>
    public static RedisServerProcess Start(string[] extraArgs)
    {
        if (!File.Exists(BinaryPath))
        {
            throw new InvalidOperationException(
                $"{BinaryPath} is missing. The store tests need a real Redis: run `apt-get install -y redis-server` (tests/run-tests.sh does it).");
        }

        // A port picked free can be taken before redis-server binds it (another test run, another Redis): retry then.
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var directory = TempDirectories.Create("oc-redis-");
            var port = FreeLoopbackPort();
            var process = Launch(port, directory, extraArgs);
            try
            {
                WaitUntilReady(process, port, directory);
                return new RedisServerProcess(process, port, directory);
            }
            catch (InvalidOperationException) when (attempt < Attempts && process.HasExited)
            {
                Cleanup(process, directory);
            }
            catch
            {
                Cleanup(process, directory);
                throw;
            }
        }
    }

    public void Dispose() => Cleanup(_process, Directory);

    private static Process Launch(int port, string directory, string[] extraArgs)
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", directory,
            // Its output goes to a file, not to the test host's console, and is quoted when the start fails.
            "--logfile", Path.Combine(directory, "redis.log"),
        }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BinaryPath}.");
    }

    private static void WaitUntilReady(Process process, int port, string directory)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server exited with code {process.ExitCode} before answering on port {port}. Log:\n{ReadLog(directory)}");
            }

            if (AnswersPing(port))
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new InvalidOperationException($"redis-server did not answer PING on port {port} within {StartTimeout.TotalSeconds} s. Log:\n{ReadLog(directory)}");
    }

    // A raw RESP PING: no client library involved, so a failure here is the server's, not the client's.
    private static bool AnswersPing(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static void Cleanup(Process process, string directory)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }

        TempDirectories.Delete(directory);
    }

    private static string ReadLog(string directory)
    {
        var log = Path.Combine(directory, "redis.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
