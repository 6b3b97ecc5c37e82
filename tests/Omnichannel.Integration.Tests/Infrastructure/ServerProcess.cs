using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>
/// The real server (its build output sits next to the test assembly, which references it) run as a child process on a
/// free loopback port, configured through environment variables as an operator would. Unlike an in-process host it
/// can be killed with SIGKILL: no shutdown hook, no flush, no disposal runs.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "admin-password-123";
    private const int TailLines = 60;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts the server with <paramref name="settings"/> (keys as in configuration, <c>:</c> separated) and waits
    /// until it is ready; on <paramref name="baseAddress"/> when given (a restart on the same address keeps clients
    /// and their cookies pointed at it), else on a free port.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, Uri? baseAddress = null)
    {
        baseAddress ??= FreeAddress();
        var info = StartInfo(["--urls", baseAddress.ToString().TrimEnd('/')], settings);
        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, baseAddress);
        // Drained, or a full pipe would stall the server; the last lines explain a failure.
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the server's executable with <paramref name="args"/> (a command such as <c>check</c>) and the same
    /// environment as <see cref="StartAsync"/>, to its end: its exit code and everything it wrote.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        var info = StartInfo(args, settings);
        info.WorkingDirectory = workingDirectory ?? info.WorkingDirectory;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> settings)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "Omnichannel.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: the server's build output should be next to the tests'.");
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Omnichannel__Bootstrap__AdminEmail"] = AdminEmail;
        info.Environment["Omnichannel__Bootstrap__AdminPassword"] = AdminPassword;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    /// <summary>A client signed in as the bootstrap admin (cookie).</summary>
    public async Task<HttpClient> SignInAsAdminAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login answered {response.StatusCode}{Environment.NewLine}{Tail()}");
        return client;
    }

    /// <summary>SIGKILL, the server and anything it started: it gets no chance to finish what it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The server's last log lines, for a failure message.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Never started, or already gone: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited at start:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The server was not ready within 60 s:{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    // The muxer running the tests runs the server too; "dotnet" on the PATH when the tests ran from an apphost.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>A loopback address on a port that is free now.</summary>
    public static Uri FreeAddress() => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}/"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
