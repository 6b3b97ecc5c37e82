using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bench;

/// <summary>
/// Every chosen backend in turn (started fresh, stopped before the next, so they never share the cores), and on each
/// every chosen mode: warm up, then the measured runs. A variant that fails becomes a failed row; the rest still run.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    private sealed record BackendVariant(string Name, Func<CancellationToken, Task<IStoreBackend>> StartAsync);

    public async Task<IReadOnlyList<BenchRow>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<BenchRow>();
        foreach (var variant in Variants())
        {
            progress.WriteLine($"== {variant.Name}");
            IStoreBackend backend;
            try
            {
                backend = await variant.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                progress.WriteLine($"   could not start: {ex.Message}");
                rows.AddRange(Modes().Select(mode => BenchRow.Failed(variant.Name, mode, options.Clients, "backend did not start")));
                continue;
            }

            await using (backend)
            {
                if (options.StoreMode)
                {
                    rows.Add(await MeasureAsync(backend, "store", _ => Task.FromResult<IIngestTarget>(StoreTarget.Create(backend)), cancellationToken));
                }

                if (options.ApiMode)
                {
                    rows.Add(await MeasureAsync(backend, "api", async ct => await ApiTarget.StartAsync(backend, options.Clients, ct), cancellationToken));
                }
            }
        }

        return rows;
    }

    private IEnumerable<BackendVariant> Variants()
    {
        if (options.Garnet)
        {
            yield return new("garnet (aof-wait)", _ => Task.FromResult<IStoreBackend>(EmbeddedGarnetBackend.Start(waitForAofCommit: true, loggerFactory)));
            yield return new("garnet (no-wait)", _ => Task.FromResult<IStoreBackend>(EmbeddedGarnetBackend.Start(waitForAofCommit: false, loggerFactory)));
        }

        if (options.Redis)
        {
            yield return new("redis-server", async ct => await RedisServerProcess.StartAsync(options.RedisServerPath, ct));
        }
    }

    private IEnumerable<string> Modes()
    {
        if (options.StoreMode)
        {
            yield return "store";
        }

        if (options.ApiMode)
        {
            yield return "api";
        }
    }

    private async Task<BenchRow> MeasureAsync(IStoreBackend backend, string mode, Func<CancellationToken, Task<IIngestTarget>> start, CancellationToken cancellationToken)
    {
        IIngestTarget target;
        try
        {
            target = await start(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            progress.WriteLine($"   {mode}: could not start: {ex.Message}");
            return BenchRow.Failed(backend.Name, mode, options.Clients, "did not start");
        }

        await using (target)
        {
            await WarmUpAsync(target, mode, cancellationToken);

            var load = new LoadShape(options.Messages, options.Clients, options.Threads, options.TimeLimit);
            var runs = new List<LoadResult>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var tag = string.Create(CultureInfo.InvariantCulture, $"r{run}");
                var result = await target.IngestAsync(tag, load, cancellationToken);
                progress.WriteLine($"   {mode} run {run}: {Describe(result)}");
                runs.Add(result);
            }

            var row = BenchRow.FromRuns(backend.Name, mode, options.Clients, runs);
            if (row.Errors > 0 && target is ApiTarget api)
            {
                progress.WriteLine("   last server log lines:");
                progress.WriteLine(api.ServerLog());
            }

            return row;
        }
    }

    // Same shape as a measured run (its own tag, so the runs still create their conversations): the JIT and the GC
    // settle on the paths the runs take.
    private async Task WarmUpAsync(IIngestTarget target, string mode, CancellationToken cancellationToken)
    {
        if (options.Warmup == 0)
        {
            return;
        }

        var load = new LoadShape(options.Warmup, options.Clients, options.Threads, options.WarmupLimit);
        var result = await target.IngestAsync("warm", load, cancellationToken);
        progress.WriteLine($"   {mode} warm-up: {Describe(result with { TimedOut = false })}");
    }

    private static string Describe(LoadResult result)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{result.Count}{(result.TimedOut ? " (stopped at the time limit)" : "")} in {result.Elapsed.TotalSeconds:F2} s, {result.MessagesPerSecond:F0} msg/s, p50 {result.Latency.P50Ms:F2} ms, p99 {result.Latency.P99Ms:F2} ms, max {result.Latency.MaxMs:F1} ms, bench CPU {result.BenchCpuPerMessage.TotalMicroseconds:F0} µs/msg{(result.ServerCpuPerMessage is { } cpu ? $", server CPU {cpu.TotalMicroseconds:F0} µs/msg" : "")}");
        foreach (var (label, count) in result.Errors.OrderByDescending(e => e.Value))
        {
            line += string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}      {count} x {label}");
        }

        return line;
    }
}
