using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The live assignment paths through the store: ingest, reopen, drain on capacity, handover, timeout, moves.</summary>
[Collection(StoreCollection.Name)]
public sealed class RoutingTests(StoreServers servers)
{
    private const string Queue = "support";

    private static async Task<string> AgentAsync(StoreUnderTest store, string name, int capacity, DateTimeOffset now, bool online = true)
    {
        var id = Ids.New();
        await store.Agents.TryCreateAsync(new Agent(id, $"{name}@example.test", name, AgentRole.Agent, capacity, [Queue], "x", "s", now));
        await store.Assignments.SetShiftWindowsAsync(id, [new ShiftWindow(now.AddHours(-1), now.AddHours(8))], now);
        if (online)
        {
            await store.Assignments.SetAvailabilityAsync(id, Availability.Online, id, now);
        }

        return id;
    }

    /// <summary>Heartbeats: presence lasts 60 s, and these scenarios span minutes.</summary>
    private static async Task PresentAsync(StoreUnderTest store, DateTimeOffset at, params string[] agents)
    {
        foreach (var agent in agents)
        {
            await store.Assignments.HeartbeatAsync(agent, at);
        }
    }

    private static Task QueueAsync(StoreUnderTest store, DateTimeOffset now, QueuePolicy policy = QueuePolicy.RoundRobin, HandoverPolicy handover = HandoverPolicy.RequeueWhenOffline, int? timeout = null) =>
        store.Queues.SaveAsync(new QueueSettings(Queue, "Support", policy, handover, timeout, [], now, now), null, false, "lead", now);

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task New_conversations_rotate_among_eligible_agents_and_wait_when_nobody_has_room(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0);
        var ana = await AgentAsync(store, "ana", 2, T0);
        var ben = await AgentAsync(store, "ben", 2, T0);
        var offline = await AgentAsync(store, "cleo", 5, T0, online: false);

        var assignees = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var result = await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}", queue: Queue), T0.AddSeconds(i));
            assignees.Add(result.Assignments!.SingleOrDefault()?.To);
        }

        // Alternating, never to the offline agent, and the fifth waits: both are at capacity 2.
        Assert.Equal(4, assignees.Count(a => a is not null));
        Assert.Equal(2, assignees.Count(a => a == ana));
        Assert.Equal(2, assignees.Count(a => a == ben));
        Assert.DoesNotContain(offline, assignees);
        Assert.NotEqual(assignees[0], assignees[1]);
        Assert.Null(assignees[4]);
        Assert.Equal(1, (await store.Assignments.ReadWaitingAsync(Queue)).Count);

        // Cleo comes online: the waiting conversation goes to her in the same write.
        var online = await store.Assignments.SetAvailabilityAsync(offline, Availability.Online, offline, T0.AddMinutes(1));
        var drained = Assert.Single(online.Changes);
        Assert.Equal((offline, "round-robin"), (drained.To!, drained.Reason));
        Assert.Equal(0, (await store.Assignments.ReadWaitingAsync(Queue)).Count);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Waiting_conversations_drain_oldest_first_when_capacity_appears(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0);
        var ana = await AgentAsync(store, "ana", 1, T0);
        var first = await store.Conversations.IngestAsync(Inbound.Message("c0", "m0", queue: Queue), T0);
        Assert.Equal(ana, first.Assignments!.Single().To);
        var waiting = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            waiting.Add((await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}", queue: Queue), T0.AddMinutes(i))).ConversationId);
        }

        // Resolving frees one place: the oldest waiting conversation takes it, not a newer one.
        await PresentAsync(store, T0.AddMinutes(5), ana);
        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, ana, T0.AddMinutes(5));
        var changes = await store.Assignments.DrainAsync([Queue], T0.AddMinutes(5));
        Assert.Equal([waiting[0]], changes.Select(c => c.ConversationId));

        // A higher capacity takes the rest, still in order.
        await PresentAsync(store, T0.AddMinutes(6), ana);
        var raised = await store.Assignments.SetCapacityAsync(ana, 3, "lead", T0.AddMinutes(6));
        Assert.Equal(waiting[1..], raised.Changes.Select(c => c.ConversationId));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reopened_conversation_returns_to_its_agent_only_while_that_agent_is_eligible(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0);
        var ana = await AgentAsync(store, "ana", 3, T0);
        var first = await store.Conversations.IngestAsync(Inbound.Message("c0", "m0", queue: Queue), T0);
        Assert.Equal(ana, first.Assignments!.Single().To);
        var ben = await AgentAsync(store, "ben", 3, T0.AddMinutes(1));

        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, ana, T0.AddMinutes(2));
        await PresentAsync(store, T0.AddMinutes(3), ana, ben);
        var back = await store.Conversations.IngestAsync(Inbound.Message("c0", "m1", queue: Queue), T0.AddMinutes(3));
        Assert.True(back.Reopened);
        Assert.Empty(back.Assignments!);
        Assert.Equal(ana, (await store.Conversations.GetConversationAsync(first.ConversationId))!.AssigneeId);

        // Ana goes offline: the next reopen does not go back to her (chatwoot#9587) but to Ben.
        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, ana, T0.AddMinutes(4));
        await store.Assignments.SetAvailabilityAsync(ana, Availability.Offline, ana, T0.AddMinutes(5));
        await PresentAsync(store, T0.AddMinutes(6), ben);
        var again = await store.Conversations.IngestAsync(Inbound.Message("c0", "m2", queue: Queue), T0.AddMinutes(6));
        Assert.Equal([(ana, (string?)null, "reopened"), (null, ben, "round-robin")], again.Assignments!.Select(c => (c.From, c.To, c.Reason)));

        var timeline = await store.Audit.ReadConversationAsync(first.ConversationId);
        Assert.Contains(timeline, e => e.Json.Contains("\"reason\":\"reopened\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task At_shift_end_requeue_when_offline_hands_over_only_the_agents_who_went_offline(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0);
        var day = await AgentAsync(store, "day", 5, T0);
        var stays = await AgentAsync(store, "stays", 5, T0);
        var dayHeld = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var ingest = await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}", queue: Queue), T0.AddSeconds(i));
            if (ingest.Assignments!.Single().To == day)
            {
                dayHeld.Add(ingest.ConversationId);
            }
        }

        Assert.Equal(2, dayHeld.Count);

        // Their shift ends at T0+1h; the night agent's starts then.
        var end = T0.AddHours(1);
        await store.Assignments.SetShiftWindowsAsync(day, [new ShiftWindow(T0.AddHours(-1), end)], T0.AddMinutes(1));
        await store.Assignments.SetShiftWindowsAsync(stays, [new ShiftWindow(T0.AddHours(-1), end)], T0.AddMinutes(1));
        var night = await AgentAsync(store, "night", 5, T0.AddMinutes(2));
        await store.Assignments.SetShiftWindowsAsync(night, [new ShiftWindow(end, end.AddHours(8))], T0.AddMinutes(2));
        await store.Assignments.SetAvailabilityAsync(day, Availability.Offline, day, end.AddMinutes(-1));

        await PresentAsync(store, end, stays, night);
        var changes = await store.Assignments.HandoverAsync(Queue, null, end);

        Assert.Equal(dayHeld.Order(StringComparer.Ordinal), changes.Where(c => c.To is null).Select(c => c.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(changes.Where(c => c.To is not null), c => Assert.Equal((night, "handover"), (c.To!, c.Reason)));
        Assert.Equal(2, changes.Count(c => c.To == night));
        // The agent still online keeps theirs until they go offline too.
        Assert.Equal(2, (await store.Assignments.ReadAgentsAsync(Queue, [stays], end)).Agents[0].State.OpenCount);
        await PresentAsync(store, end.AddMinutes(20), night);
        var left = await store.Assignments.SetAvailabilityAsync(stays, Availability.Offline, stays, end.AddMinutes(20));
        Assert.Equal(2, left.Changes.Count(c => c.To == night && c.Reason == "handover"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_unanswered_conversation_is_reassigned_after_the_queue_timeout_and_an_answer_stops_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0, timeout: 10);
        var ana = await AgentAsync(store, "ana", 5, T0);
        var slow = await store.Conversations.IngestAsync(Inbound.Message("c0", "m0", queue: Queue), T0);
        var answered = await store.Conversations.IngestAsync(Inbound.Message("c1", "m1", queue: Queue), T0.AddSeconds(1));
        Assert.All([slow, answered], r => Assert.Equal(ana, r.Assignments!.Single().To));
        var ben = await AgentAsync(store, "ben", 5, T0.AddMinutes(1));
        await store.Conversations.AppendOutboundAsync(new(answered.ConversationId, AuthorKind.Agent, ana, null, "On it", false), T0.AddMinutes(2));

        await PresentAsync(store, T0.AddMinutes(9), ben);
        Assert.Empty(await store.Assignments.ReassignUnansweredAsync(T0.AddMinutes(9), 100));
        await PresentAsync(store, T0.AddMinutes(10), ben);
        var moved = Assert.Single(await store.Assignments.ReassignUnansweredAsync(T0.AddMinutes(10), 100));
        Assert.Equal((slow.ConversationId, ana, ben, "timeout"), (moved.ConversationId, moved.From!, moved.To!, moved.Reason));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Moves_apply_all_or_nothing_and_never_take_a_conversation_someone_is_typing_in(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await QueueAsync(store, T0);
        var ana = await AgentAsync(store, "ana", 5, T0);
        var a = await store.Conversations.IngestAsync(Inbound.Message("c0", "m0", queue: Queue), T0);
        var b = await store.Conversations.IngestAsync(Inbound.Message("c1", "m1", queue: Queue), T0);
        var ben = await AgentAsync(store, "ben", 1, T0);

        await store.Assignments.MarkTypingAsync(b.ConversationId, ana, TimeSpan.FromSeconds(30));
        var refused = await store.Assignments.MoveAsync(Queue, [new(a.ConversationId, ana, ben), new(b.ConversationId, ana, ben)], "rebalance", "lead", true, null, T0.AddMinutes(1));
        Assert.False(refused.Applied);
        Assert.Equal((b.ConversationId, "being-typed-in"), (refused.ConflictId!, refused.Problem!));
        Assert.Equal(ana, (await store.Conversations.GetConversationAsync(a.ConversationId))!.AssigneeId);

        var full = await store.Assignments.MoveAsync(Queue, [new(a.ConversationId, ana, ben)], "rebalance", "lead", true, "evening out", T0.AddMinutes(1));
        Assert.True(full.Applied);
        Assert.Equal(ben, (await store.Conversations.GetConversationAsync(a.ConversationId))!.AssigneeId);
        var audit = await store.Audit.ReadAsync(T0, 0, 100);
        Assert.Contains(audit, e => e.Json.Contains("\"note\":\"evening out\"", StringComparison.Ordinal) && e.Json.Contains("\"actorId\":\"lead\"", StringComparison.Ordinal));
    }
}
