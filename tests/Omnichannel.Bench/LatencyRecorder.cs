using System.Diagnostics;

namespace Omnichannel.Bench;

/// <summary>
/// One slot per operation, written by whichever worker ran it: no lock and no allocation on the measured path,
/// so the recorder does not show up in the figures it records.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];

    public void Record(int index, long startTimestamp, long endTimestamp) => _ticks[index] = endTimestamp - startTimestamp;

    /// <summary>Percentiles of the first <paramref name="count"/> slots (a run stopped by its time limit fills fewer).</summary>
    public LatencySummary Summarize(int count)
    {
        if (count == 0)
        {
            return new LatencySummary(0, 0, 0);
        }

        var sorted = _ticks[..count];
        Array.Sort(sorted);
        return new LatencySummary(ToMs(Percentile(sorted, 0.50)), ToMs(Percentile(sorted, 0.99)), ToMs(sorted[^1]));
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it.
    private static long Percentile(long[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record LatencySummary(double P50Ms, double P99Ms, double MaxMs);
