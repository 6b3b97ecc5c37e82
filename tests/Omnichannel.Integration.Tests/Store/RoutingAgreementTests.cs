using Omnichannel.Core.Assignment;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The store's Lua restatement of the assignment rules (routing.lua) must decide exactly as Core does. Random agent
/// states are written to the store, and the script's verdicts (each agent's ineligibility, who goes next, a whole
/// drain) are compared with Core's on the same states, on both backends.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed partial class RoutingAgreementTests(StoreServers servers)
{
    private const int PickScenarios = 1500;
    private const int DrainScenarios = 150;

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_script_picks_and_judges_eligibility_exactly_as_the_core_rules(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var random = new Random(20261126);
        var picked = 0;
        for (var scenario = 0; scenario < PickScenarios; scenario++)
        {
            var queue = $"q{scenario}";
            var policy = random.Next(2) == 0 ? QueuePolicy.RoundRobin : QueuePolicy.Balanced;
            var now = T0.AddMinutes(scenario);
            var agents = RandomAgents(random, scenario, now);
            await WriteAsync(store, queue, policy, agents, now);

            var read = await store.Assignments.ReadAgentsAsync(queue, [.. agents.Select(a => a.State.AgentId)], now);

            var expected = AssignmentSelector.Pick(policy, [.. agents.Select(a => a.State)]);
            Assert.True(expected == read.NextAgentId, $"scenario {scenario} ({policy}): core picked {expected}, script {read.NextAgentId}");
            picked += expected is null ? 0 : 1;
            for (var i = 0; i < agents.Count; i++)
            {
                Assert.Equal(Eligibility.Check(agents[i].State), read.Agents[i].Ineligibility);
                Assert.Equal(agents[i].State, read.Agents[i].State);
            }
        }

        // The scenarios are worth something only if both outcomes are common.
        Assert.InRange(picked, PickScenarios / 10, PickScenarios - (PickScenarios / 10));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_drain_assigns_the_same_conversations_to_the_same_agents_in_the_same_order_as_the_core_drainer(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var random = new Random(1126);
        int assigned = 0, partly = 0;
        for (var scenario = 0; scenario < DrainScenarios; scenario++)
        {
            var queue = $"d{scenario}";
            var policy = random.Next(2) == 0 ? QueuePolicy.RoundRobin : QueuePolicy.Balanced;
            var start = T0.AddHours(scenario);

            // Conversations arrive while the queue does not exist yet, so nothing assigns them on the way in.
            var waiting = new List<WaitingConversation>();
            for (var i = random.Next(0, 12); i > 0; i--)
            {
                var at = start.AddSeconds(random.Next(0, 4) * 10);
                var ingest = await store.Conversations.IngestAsync(Inbound.Message($"c{scenario}-{i}", $"m{scenario}-{i}", queue: queue), at);
                waiting.Add(new WaitingConversation(ingest.ConversationId, at, null));
            }

            var now = start.AddMinutes(5);
            var agents = RandomAgents(random, 10_000 + scenario, now);
            await WriteAsync(store, queue, policy, agents, now);

            var changes = await store.Assignments.DrainAsync([queue], now);

            var expected = QueueDrainer.Drain(policy, [.. agents.Select(a => a.State)], waiting, now);
            Assert.Equal(expected.Assignments.Select(a => (a.ConversationId, a.AgentId)), changes.Select(c => (c.ConversationId, c.To!)));
            var reason = policy == QueuePolicy.Balanced ? "balanced" : "round-robin";
            Assert.All(changes, c => Assert.Equal(reason, c.Reason));
            Assert.Equal(waiting.Count - changes.Count, (await store.Assignments.ReadWaitingAsync(queue)).Count);
            assigned += changes.Count;
            partly += changes.Count > 0 && changes.Count < waiting.Count ? 1 : 0;
        }

        Assert.True(assigned > DrainScenarios && partly > DrainScenarios / 10, $"{assigned} assigned, {partly} drains stopped part-way");
    }
}
