using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omnichannel.Bench;

/// <summary>
/// One operation under load: sends message <c>index</c> and returns null on success, or a short label of what
/// went wrong (the errors are counted by label, so a flood of one failure stays readable).
/// </summary>
internal delegate Task<string?> BenchOperation(int index, CancellationToken cancellationToken);

/// <summary>
/// Runs N operations with C concurrent workers, each taking the next index until all are done or the time limit
/// has passed: a slow backend then reports fewer messages instead of holding up the whole bench.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int count, int clients, TimeSpan timeLimit, BenchOperation operation, CancellationToken cancellationToken)
    {
        var latencies = new LatencyRecorder(count);
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var done = 0;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(timeLimit.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync()
        {
            // Yield first so every worker starts on the pool, not inline on the caller one after another.
            await Task.Yield();
            int index;
            // Indices are taken in order and every one taken is run, so the done ones are exactly 0..done-1.
            while (Stopwatch.GetTimestamp() < deadline && (index = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await operation(index, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    error = ex.GetType().Name + ": " + FirstLine(ex.Message);
                }

                latencies.Record(index, before, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref done);
                if (error is not null)
                {
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, count)).Select(_ => WorkerAsync()));
        var elapsed = Stopwatch.GetElapsedTime(started);
        self.Refresh();
        return new LoadResult(done, done < count, elapsed, latencies.Summarize(done), new Dictionary<string, int>(errors, StringComparer.Ordinal))
        {
            BenchCpuPerMessage = done == 0 ? TimeSpan.Zero : (self.TotalProcessorTime - cpuBefore) / done,
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}

/// <summary><see cref="Count"/> messages went in; <see cref="TimedOut"/> when the time limit stopped the run short.</summary>
internal sealed record LoadResult(int Count, bool TimedOut, TimeSpan Elapsed, LatencySummary Latency, IReadOnlyDictionary<string, int> Errors)
{
    public double MessagesPerSecond => Count / Elapsed.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    /// <summary>CPU the bench process spent per message: the clients, plus the store itself when Garnet is embedded.</summary>
    public TimeSpan BenchCpuPerMessage { get; init; }

    /// <summary>CPU the server process spent per message (API mode only): less sensitive to a busy machine than msg/s.</summary>
    public TimeSpan? ServerCpuPerMessage { get; init; }
}
