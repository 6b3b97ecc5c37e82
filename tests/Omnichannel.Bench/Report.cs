using System.Globalization;

namespace Omnichannel.Bench;

/// <summary>The figures as a Markdown table (pasted as is into docs/performance.md), then the ratios worth reading.</summary>
internal static class Report
{
    public static void Write(TextWriter output, BenchOptions options, MachineInfo machine, IReadOnlyList<BenchRow> rows)
    {
        output.WriteLine();
        foreach (var line in machine.Lines())
        {
            output.WriteLine(line);
        }

        output.WriteLine(Invariant($"Run:     {options.Messages} messages over {options.Threads} conversations, {options.Clients} clients, warm-up {options.Warmup} messages or {options.WarmupLimit.TotalSeconds:F0} s, median of {options.Runs} run(s)"));
        output.WriteLine();
        output.WriteLine("| backend | mode | messages | clients | msg/s | p50 ms | p99 ms | max ms | errors | server CPU µs/msg |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            output.WriteLine(row.Failure is { } failure
                ? $"| {row.Backend} | {row.Mode} | – | {row.Clients} | failed: {failure} | | | | | |"
                : Invariant($"| {row.Backend} | {row.Mode} | {row.Messages}{(row.TimedOut ? "*" : "")} | {row.Clients} | {row.MessagesPerSecond:F0} | {row.P50Ms:F2} | {row.P99Ms:F2} | {row.MaxMs:F1} | {row.Errors} | {(row.ServerCpuUsPerMessage is { } cpu ? cpu.ToString("F0", CultureInfo.InvariantCulture) : "–")} |"));
        }

        if (rows.Any(r => r.TimedOut))
        {
            output.WriteLine(Invariant($"* stopped at the {options.TimeLimit.TotalSeconds:F0} s time limit before all {options.Messages} messages went in."));
        }

        output.WriteLine();
        foreach (var ratio in Ratios(rows))
        {
            output.WriteLine(ratio);
        }
    }

    private static IEnumerable<string> Ratios(IReadOnlyList<BenchRow> rows)
    {
        BenchRow? Find(string backend, string mode) =>
            rows.FirstOrDefault(r => r.Backend == backend && r.Mode == mode && r.Failure is null && r.MessagesPerSecond > 0);

        foreach (var mode in new[] { "store", "api" })
        {
            if (Find("garnet (no-wait)", mode) is { } fast && Find("garnet (aof-wait)", mode) is { } durable)
            {
                yield return Invariant($"Durability ({mode}): waiting for the AOF commit gives {100 * durable.MessagesPerSecond / fast.MessagesPerSecond:F1}% of the no-wait throughput (1/{fast.MessagesPerSecond / durable.MessagesPerSecond:F0}), p50 x{durable.P50Ms / fast.P50Ms:F1}.");
            }
        }

        foreach (var backend in rows.Select(r => r.Backend).Distinct())
        {
            if (Find(backend, "store") is { } store && Find(backend, "api") is { } api)
            {
                yield return Invariant($"API overhead ({backend}): the API reaches {100 * api.MessagesPerSecond / store.MessagesPerSecond:F0}% of the store's throughput, p50 x{api.P50Ms / store.P50Ms:F1}.");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
