using Omnichannel.Core.Assignment;
using Omnichannel.Integration.Tests.Infrastructure;
using StackExchange.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The store's Lua restatement of the assignment rules (routing.lua) must decide exactly as Core does. Random agent
/// states are written to the store, and the script's verdicts (each agent's ineligibility, who goes next, a whole
/// drain) are compared with Core's on the same states, on both backends.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class RoutingAgreementTests(StoreServers servers)
{
    private const int PickScenarios = 1500;
    private const int DrainScenarios = 150;

    // Mixed case and digits: ordinal order (upper case first) must hold in Lua too.
    private static readonly string[] Names = ["Ana", "ana", "Ben", "b0", "Cleo", "cleo2", "Dev", "z9"];

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

    private sealed record Scenario(AgentState State, ShiftSetup Shift, PresenceSetup Presence);

    private enum ShiftSetup { None, Covering, EndsNow, StartsNow, Later }

    private enum PresenceSetup { None, Present, ExpiresNow, Expired }

    private static List<Scenario> RandomAgents(Random random, int scenario, DateTimeOffset now)
    {
        var count = random.Next(1, 6);
        var names = Names.OrderBy(_ => random.Next()).Take(count).ToList();
        var agents = new List<Scenario>(count);
        foreach (var name in names)
        {
            // Most agents are on duty, so that picks are common; the rest have every condition drawn at random.
            var onDuty = random.Next(10) < 7;
            var shift = onDuty ? ShiftSetup.Covering : (ShiftSetup)random.Next(5);
            var presence = onDuty ? PresenceSetup.Present : (PresenceSetup)random.Next(4);
            // Ties on the last assignment time are common on purpose: they exercise the second and third rules.
            DateTimeOffset? last = random.Next(3) == 0 ? null : now.AddMinutes(-random.Next(0, 4));
            agents.Add(new Scenario(
                new AgentState(
                    AgentId: $"{name}-{scenario}",
                    Availability: onDuty ? Availability.Online : (Availability)random.Next(3),
                    IsPresent: presence == PresenceSetup.Present,
                    OnShift: shift is ShiftSetup.Covering or ShiftSetup.StartsNow,
                    IsPaused: !onDuty && random.Next(3) == 0,
                    OpenCount: random.Next(0, 4),
                    Capacity: random.Next(0, 5),
                    IsQueueMember: onDuty || random.Next(3) != 0,
                    LastAssignedAt: last),
                shift,
                presence));
        }

        return agents;
    }

    /// <summary>Writes the states the way the store keeps them (agent hash, presence, shift windows, open index).</summary>
    private static async Task WriteAsync(StoreUnderTest store, string queue, QueuePolicy policy, List<Scenario> agents, DateTimeOffset now)
    {
        var keys = store.Keys;
        var db = store.Db;
        var ms = now.ToUnixTimeMilliseconds();
        var batch = db.CreateBatch();
        var writes = new List<Task>
        {
            batch.HashSetAsync(keys.Queue(queue), [new("id", queue), new("name", queue), new("policy", QueuePolicyText.ToText(policy)), new("handover", "keep"), new("timeoutMinutes", "")]),
        };
        foreach (var (state, shift, presence) in agents)
        {
            var id = state.AgentId;
            writes.Add(batch.HashSetAsync(keys.Agent(id),
            [
                new("id", id), new("availability", AvailabilityText.ToText(state.Availability)), new("paused", state.IsPaused ? "1" : "0"),
                new("capacity", state.Capacity), new("queues", $"[\"{queue}\"]"),
                new("rrAt", state.LastAssignedAt is { } at ? at.ToUnixTimeMilliseconds() : RedisValue.EmptyString),
            ]));
            if (state.LastAssignedAt is null)
            {
                writes.Add(batch.HashDeleteAsync(keys.Agent(id), "rrAt"));
            }

            if (state.IsQueueMember)
            {
                writes.Add(batch.SetAddAsync(keys.QueueMembers(queue), id));
            }

            (long Start, long End)? window = shift switch
            {
                ShiftSetup.Covering => (ms - 3_600_000, ms + 3_600_000),
                ShiftSetup.EndsNow => (ms - 3_600_000, ms),
                ShiftSetup.StartsNow => (ms, ms + 3_600_000),
                ShiftSetup.Later => (ms + 1, ms + 3_600_000),
                _ => null,
            };
            if (window is { } w)
            {
                writes.Add(batch.SortedSetAddAsync(keys.AgentShifts(id), $"{w.Start}:{w.End}", w.End));
            }

            long? presentUntil = presence switch
            {
                PresenceSetup.Present => ms + 30_000,
                PresenceSetup.ExpiresNow => ms,
                PresenceSetup.Expired => ms - 30_000,
                _ => null,
            };
            if (presentUntil is { } until)
            {
                writes.Add(batch.SortedSetAddAsync(keys.Presence, id, until));
            }

            for (var i = 0; i < state.OpenCount; i++)
            {
                writes.Add(batch.SortedSetAddAsync(keys.IndexAgent(id, "open"), $"held-{id}-{i}", ms));
            }
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }
}
