using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Omnichannel.Bench;

/// <summary>
/// The real server, built next to the bench (it references the Server project), run as a child process on a free
/// loopback port against the bench's store, in a fresh workspace with a bootstrap admin.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench@example.test";
    public const string AdminPassword = "bench-password-123";

    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServerProcess> StartAsync(string storeConnectionString, CancellationToken cancellationToken)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "Omnichannel.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: the bench expects the server's build output next to its own.");
        }

        var port = LoopbackPorts.Free();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Omnichannel__Store__Redis"] = storeConnectionString,
            // A workspace of its own: the store mode's keys and earlier server runs stay out of its way.
            ["Omnichannel__Store__Workspace"] = "benchapi" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Omnichannel__Bootstrap__AdminEmail"] = AdminEmail,
            ["Omnichannel__Bootstrap__AdminPassword"] = AdminPassword,
            // The bench measures capacity, not the per-token policy (500/s by default), which would answer 429 first.
            ["Omnichannel__RateLimits__InboundPerSecond"] = "0",
        };
        var process = ChildProcess.Start(DotnetHost(), [dll, "--urls", baseAddress.ToString().TrimEnd('/')], folder, environment);
        var server = new ServerProcess(process, baseAddress);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited at start:{Environment.NewLine}{_process.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The server was not ready within 60 s:{Environment.NewLine}{_process.Tail()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>CPU time the server has used so far; its difference over a run, per message, is what a message costs it.</summary>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <summary>The server's last log lines, shown when the run had errors.</summary>
    public string Tail() => _process.Tail();

    // The muxer that runs the bench runs the server too; "dotnet" on the PATH when the bench ran from its apphost.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
