using Microsoft.Extensions.Logging;
using Omnichannel.Redis;

namespace Omnichannel.Bench.Simulation;

/// <summary><c>--simulate-week</c>: starts the chosen store, runs the simulation on a fresh workspace, prints the figures.</summary>
internal static class SimulationCommand
{
    public const string Flag = "--simulate-week";

    /// <returns>0 when every check held, 1 when one failed, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ILoggerFactory loggerFactory, TextWriter output, CancellationToken cancellationToken)
    {
        var options = SimulationOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error.Length > 0 ? error + Environment.NewLine : "");
            Console.Error.WriteLine(SimulationOptions.Usage);
            return error.Length > 0 ? 2 : 0;
        }

        var machine = MachineInfo.Describe(new BenchOptions { Redis = options.Backend == "redis", RedisServerPath = options.RedisServerPath });
        await using IStoreBackend backend = options.Backend == "redis"
            ? await RedisServerProcess.StartAsync(options.RedisServerPath, cancellationToken)
            : EmbeddedGarnetBackend.Start(waitForAofCommit: true, loggerFactory);
        output.WriteLine($"Simulating on {backend.Name}...");
        await using var connection = new RedisConnection(new StoreOptions { Redis = backend.ConnectionString, Workspace = "simulation" }, embedded: null);
        var summary = await new SimulationRunner(options, connection).RunAsync(cancellationToken);

        output.WriteLine();
        output.Write(summary.Figures());
        output.WriteLine();
        foreach (var line in machine.Lines())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"Store:   {backend.Name}");
        output.WriteLine(FormattableString.Invariant($"Wall:    {summary.WallTime.TotalSeconds:F1} s for the simulation ({summary.Stats.StoreCalls / summary.WallTime.TotalSeconds:F0} store calls/s)"));
        output.WriteLine(summary.Clean ? "All checks held." : "CHECKS FAILED: see the lines above.");
        return summary.Clean ? 0 : 1;
    }
}
