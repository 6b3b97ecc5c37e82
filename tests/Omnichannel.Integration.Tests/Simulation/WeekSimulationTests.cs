extern alias bench;

using bench::Omnichannel.Bench.Simulation;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Simulation;

/// <summary>
/// A short run of the bench's week simulation (<c>--simulate-week</c>) on the embedded Garnet store: the night, the
/// 06:00 handover and the morning rise of one Monday. Every assignment is judged by the simulation's own model.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class WeekSimulationTests(StoreServers servers)
{
    private static readonly SimulationOptions Morning = new() { Seed = 7, Hours = 10 };

    [Fact]
    public async Task A_simulated_morning_assigns_only_to_eligible_agents_within_capacity_and_leaves_nobody_waiting_beside_a_free_agent()
    {
        var summary = await RunAsync(Morning);

        Assert.True(summary.Arrived > 50, summary.Figures());
        Assert.True(summary.Stats.Reasons.GetValueOrDefault("round-robin") > 50, summary.Figures());
        Assert.True(summary.Stats.Boundaries >= 1, summary.Figures());
        Assert.Equal(0, summary.Stats.Ineligible);
        Assert.Equal(0, summary.Stats.Overflows);
        Assert.Equal(0, summary.Stats.StuckSweeps);
        Assert.Equal(0, summary.Stats.ModelDisagreements);
        Assert.Equal(0, summary.Stats.UnexpectedChanges);
        Assert.True(summary.Clean, summary.Figures());
        // Every new conversation was assigned, or still waits because nobody is eligible (StuckSweeps covers the last sweep).
        var neverAssigned = summary.Arrived - summary.Stats.Shifts.Values.Sum(s => s.Waits.Count);
        Assert.InRange(neverAssigned, 0, summary.Stats.EndWaiting);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_figures()
    {
        var options = Morning with { Hours = 7 };
        var runs = await Task.WhenAll(RunAsync(options), RunAsync(options));

        Assert.Equal(runs[0].Figures(), runs[1].Figures());
        Assert.NotEqual(runs[0].Figures(), (await RunAsync(options with { Seed = 8 })).Figures());
    }

    private async Task<SimulationSummary> RunAsync(SimulationOptions options)
    {
        await using var connection = servers.Connect(StoreServers.Garnet);
        return await new SimulationRunner(options, connection).RunAsync(CancellationToken.None);
    }
}
