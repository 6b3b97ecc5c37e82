namespace Omnichannel.Bench;

/// <summary>One line of the report: the median of each figure over the measured runs of one backend and mode.</summary>
internal sealed record BenchRow(
    string Backend,
    string Mode,
    int Messages,
    bool TimedOut,
    int Clients,
    int Runs,
    double MessagesPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    double? ServerCpuUsPerMessage,
    string? Failure)
{
    public bool Succeeded => Failure is null && Errors == 0;

    public static BenchRow FromRuns(string backend, string mode, int clients, IReadOnlyList<LoadResult> runs) => new(
        backend,
        mode,
        (int)Median(runs.Select(r => (double)r.Count)),
        runs.Any(r => r.TimedOut),
        clients,
        runs.Count,
        Median(runs.Select(r => r.MessagesPerSecond)),
        Median(runs.Select(r => r.Latency.P50Ms)),
        Median(runs.Select(r => r.Latency.P99Ms)),
        Median(runs.Select(r => r.Latency.MaxMs)),
        runs.Sum(r => r.ErrorCount),
        runs.All(r => r.ServerCpuPerMessage is not null) ? Median(runs.Select(r => r.ServerCpuPerMessage!.Value.TotalMicroseconds)) : null,
        null);

    public static BenchRow Failed(string backend, string mode, int clients, string reason) =>
        new(backend, mode, 0, false, clients, 0, 0, 0, 0, 0, 0, null, reason);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
