using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Core's <see cref="ReopenRule"/> against ingest.lua, when a customer writes to a resolved conversation.
/// </summary>
public sealed partial class RoutingAgreementTests
{
    private const int ReopenScenarios = 300;

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reopened_conversation_goes_where_the_core_reopen_rule_sends_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var random = new Random(20261207);
        int returned = 0, reassigned = 0, waits = 0;
        for (var scenario = 0; scenario < ReopenScenarios; scenario++)
        {
            var queue = $"r{scenario}";
            var policy = random.Next(2) == 0 ? QueuePolicy.RoundRobin : QueuePolicy.Balanced;
            var start = T0.AddHours(scenario);
            var now = start.AddMinutes(30);
            var agents = RandomAgents(random, 20_000 + scenario, now);
            // Mostly one of the queue's agents had it; sometimes nobody did, or an agent the store does not know.
            var lastAgentId = random.Next(10) switch
            {
                0 => null,
                1 => $"gone-{scenario}",
                _ => agents[random.Next(agents.Count)].State.AgentId,
            };

            // The first message arrives before the queue exists, so nothing routes it: the last agent is set by hand.
            var customer = $"r{scenario}";
            var thread = $"order-{scenario}";
            var first = await store.Conversations.IngestAsync(
                Inbound.Message(customer, $"r{scenario}-1", thread: thread, queue: queue), start);
            var conversationId = first.ConversationId;
            if (lastAgentId is not null)
            {
                await store.Conversations.AssignAsync(
                    conversationId, lastAgentId, "manual", "lead", start.AddMinutes(1));
            }

            await store.Conversations.ChangeStatusAsync(
                conversationId, ConversationStatus.Resolved, null, "lead", start.AddMinutes(2));
            await WriteAsync(store, queue, policy, agents, now);

            var reopen = await store.Conversations.IngestAsync(
                Inbound.Message(customer, $"r{scenario}-2", thread: thread, queue: queue), now);

            Assert.True(reopen.Reopened && reopen.ConversationId == conversationId,
                $"scenario {scenario} did not reopen");
            var expected = ReopenRule.Pick(policy, lastAgentId, [.. agents.Select(a => a.State)]);
            var assignee = (await store.Conversations.GetConversationAsync(conversationId))!.AssigneeId;
            var changes = (reopen.Assignments ?? []).Where(c => c.ConversationId == conversationId).ToList();
            // The script leaves a conversation that returns to its last agent where it is: no change at all.
            var actual = assignee is null
                ? null
                : new ReopenDecision(assignee, ReturnedToLastAgent: changes.Count == 0);
            Assert.True(expected == actual,
                $"scenario {scenario} ({policy}, last agent {lastAgentId ?? "none"}): "
                + $"core {expected}, script {actual}");

            // What the script wrote says why: back to the queue as 'reopened', then picked by the queue's policy.
            var expectedChanges = new List<(string? From, string? To, string Reason)>();
            if (lastAgentId is not null && expected?.ReturnedToLastAgent != true)
            {
                expectedChanges.Add((lastAgentId, null, "reopened"));
            }

            if (expected is { ReturnedToLastAgent: false })
            {
                var reason = policy == QueuePolicy.Balanced ? "balanced" : "round-robin";
                expectedChanges.Add((null, expected.AgentId, reason));
            }

            Assert.Equal(expectedChanges, changes.Select(c => (c.From, c.To, c.Reason)));
            returned += expected?.ReturnedToLastAgent == true ? 1 : 0;
            reassigned += expected?.ReturnedToLastAgent == false ? 1 : 0;
            waits += expected is null ? 1 : 0;
        }

        // Every outcome must be common, or the agreement says little.
        var floor = ReopenScenarios / 20;
        Assert.True(returned > floor && reassigned > floor && waits > floor,
            $"{returned} returned, {reassigned} reassigned, {waits} left waiting");
    }
}
