using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bench.WebChat;

/// <summary><c>--webchat</c>: starts the store and the server, one listening agent, then measured runs of N visitors.</summary>
internal static class WebChatCommand
{
    public const string Flag = "--webchat";

    /// <returns>0 when every message was stored and pushed, 1 otherwise, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ILoggerFactory loggerFactory, TextWriter output, CancellationToken ct)
    {
        var options = WebChatOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error.Length > 0 ? error + Environment.NewLine : "");
            Console.Error.WriteLine(WebChatOptions.Usage);
            return error.Length > 0 ? 2 : 0;
        }

        var machine = MachineInfo.Describe(new BenchOptions { Redis = options.Redis, RedisServerPath = options.RedisServerPath });
        await using IStoreBackend backend = options.Redis
            ? await RedisServerProcess.StartAsync(options.RedisServerPath, ct)
            : EmbeddedGarnetBackend.Start(waitForAofCommit: true, loggerFactory);
        await using var server = await ServerProcess.StartAsync(backend.ConnectionString, ct);
        await using var agent = await BenchAgent.StartAsync(server.BaseAddress, ct);

        var offered = options.Visitors / options.Interval.TotalSeconds;
        output.WriteLine(FormattableString.Invariant(
            $"Web chat on {backend.Name}: {options.Visitors} visitors x {options.Messages} messages, one every {options.Interval.TotalMilliseconds:F0} ms each (offered {offered:F0} msg/s)"));
        // A fresh server spends its first seconds compiling (tiered JIT on 2 busy cores): the first run warms it up unmeasured.
        var warmup = await WebChatRun.RunAsync(server.BaseAddress, agent, options, 0, ct);
        output.WriteLine(FormattableString.Invariant($"warm-up: stored {warmup.Stored}/{warmup.Sent}, p50 {warmup.PushP50Ms:F1} ms (not counted)"));
        var results = new List<WebChatResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await WebChatRun.RunAsync(server.BaseAddress, agent, options, run, ct);
            results.Add(result);
            output.WriteLine(FormattableString.Invariant(
                $"run {run}: stored {result.Stored}/{result.Sent} at {result.StoredPerSecond:F1} msg/s; pushed to the agent {result.Arrived}, p50 {result.PushP50Ms:F1} ms, p95 {result.PushP95Ms:F1} ms, max {result.PushMaxMs:F1} ms"));
            foreach (var (message, count) in result.Errors)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count} x {message}"));
            }
        }

        output.WriteLine();
        output.WriteLine(FormattableString.Invariant(
            $"Median of {results.Count}: {Median(results, r => r.StoredPerSecond):F1} visitor messages stored/s; push latency Send -> agent Event p50 {Median(results, r => r.PushP50Ms):F1} ms, p95 {Median(results, r => r.PushP95Ms):F1} ms"));
        foreach (var line in machine.Lines())
        {
            output.WriteLine(line);
        }

        var clean = results.All(r => r.Stored == r.Sent && r.Arrived == r.Stored);
        if (!clean)
        {
            output.WriteLine("Some messages were refused or never reached the agent: see the runs above.");
            output.WriteLine(server.Tail());
        }

        return clean ? 0 : 1;
    }

    private static double Median(List<WebChatResult> results, Func<WebChatResult, double> figure)
    {
        var sorted = results.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
