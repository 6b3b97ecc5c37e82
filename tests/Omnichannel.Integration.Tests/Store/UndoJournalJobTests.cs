using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal for the store's background jobs: the outbox's claim and delivery states, waking snoozed
/// conversations, unanswered timeouts and draining queues, each stopped after every one of its writes.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalJobTests(JournalStoreServers servers)
{
    private const string Queue = "support";

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_claim_or_delivery_update_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenFilledAsync(backend);
        var outbox = new RedisOutboundQueue(store.Connection);
        var id = (await store.Conversations.IngestAsync(Inbound.Message("zed", "z1"), T0)).ConversationId;
        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var reply = await store.Conversations.AppendOutboundAsync(
                new OutboundMessage(id, AuthorKind.Agent, "ana", "Ana", $"Reply {i}", false), T0);
            replies.Add(reply!.MessageId);
        }

        var queue = store.Keys.Prefix + "outbox:api";
        async Task<string> Lists() =>
            string.Join(",", await store.Db.ListRangeAsync(queue)) + " | "
            + string.Join(",", await store.Db.ListRangeAsync(queue + ":inflight"));

        // The first reply claimed, then put off for a retry.
        await InterruptEveryWayAsync(store, LuaScripts.ClaimOutbound, outbox.ClaimCall("api", T0));
        Assert.Equal($"{replies[1]},{replies[2]} | {replies[0]}", await Lists());
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.RetryLater,
            outbox.RetryLaterCall("api", replies[0], T0.AddMinutes(1))));
        Assert.Equal($"{replies[1]},{replies[2]} | ", await Lists());

        // Its retry is due: it rejoins the queue behind the others, and the second reply is claimed.
        var writes = await InterruptEveryWayAsync(store, LuaScripts.ClaimOutbound,
            outbox.ClaimCall("api", T0.AddMinutes(2)));
        Assert.Equal(4, writes);
        Assert.Equal($"{replies[2]},{replies[0]} | {replies[1]}", await Lists());
        Assert.Equal("1", await store.Db.HashGetAsync(store.Keys.Prefix + "msg:" + replies[1], "attempts"));

        // Sent, failed with an error, delivered (which clears the error).
        foreach (var (state, error) in new (DeliveryState, string?)[]
        {
            (DeliveryState.Sent, null), (DeliveryState.Failed, "timed out"), (DeliveryState.Delivered, null),
        })
        {
            await InterruptEveryWayAsync(store, LuaScripts.SetDelivery,
                outbox.SetDeliveryCall(replies[1], state, error, T0.AddMinutes(3)));
        }

        Assert.Equal("delivered", await store.Db.HashGetAsync(store.Keys.Prefix + "msg:" + replies[1], "delivery"));
        Assert.False(await store.Db.HashExistsAsync(store.Keys.Prefix + "msg:" + replies[1], "deliveryError"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Waking_timeouts_and_draining_stopped_after_any_of_their_writes_are_rolled_back(string backend)
    {
        await using var store = await OpenFilledAsync(backend);
        var (ana, bob) = (Ids.New(), Ids.New());
        foreach (var agent in new[] { ana, bob })
        {
            await store.Agents.TryCreateAsync(new Agent(agent, agent + "@example.test", agent, AgentRole.Agent, 5,
                [Queue], "x", "s", T0));
            await store.Assignments.SetShiftWindowsAsync(agent, [new ShiftWindow(T0.AddHours(-1), T0.AddHours(8))],
                T0);
        }

        // Two conversations wait in the queue while nobody is online.
        var waiting = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            waiting.Add((await store.Conversations.IngestAsync(Inbound.Message($"w{i}", $"w{i}", queue: Queue),
                T0)).ConversationId);
        }

        // Ana comes online without the presence script's own drain (as a node that crashed before draining
        // leaves her): the queue's drain gives her both.
        await store.Db.HashSetAsync(store.Keys.Prefix + "agent:" + ana, "availability", "online");
        await store.Db.SortedSetAddAsync(store.Keys.Prefix + "presence", ana,
            T0.AddHours(1).ToUnixTimeMilliseconds());
        var writes = await InterruptEveryWayAsync(store, LuaScripts.Drain,
            store.Assignments.DrainCall([Queue], T0.AddMinutes(1)));
        Assert.True(writes > 10, $"draining two conversations took only {writes} writes");
        foreach (var id in waiting)
        {
            Assert.Equal(ana, await store.Db.HashGetAsync(store.Keys.Conversation(id), "assigneeId"));
        }

        // Nobody answered within the queue's 30 minutes, and Bob is online now: both go to him.
        await store.Assignments.SetAvailabilityAsync(bob, Availability.Online, bob, T0.AddMinutes(31));
        await InterruptEveryWayAsync(store, LuaScripts.Timeout,
            store.Assignments.TimeoutCall(T0.AddMinutes(31), 100));
        foreach (var id in waiting)
        {
            Assert.Equal(bob, await store.Db.HashGetAsync(store.Keys.Conversation(id), "assigneeId"));
        }

        // Both snoozed; the time comes and both wake.
        foreach (var id in waiting)
        {
            await store.Conversations.ChangeStatusAsync(id, ConversationStatus.Snoozed, T0.AddMinutes(40), bob,
                T0.AddMinutes(33));
        }

        await InterruptEveryWayAsync(store, LuaScripts.WakeSnoozed,
            store.Conversations.WakeSnoozedCall(T0.AddMinutes(41)));
        foreach (var id in waiting)
        {
            Assert.Equal("open", await store.Db.HashGetAsync(store.Keys.Conversation(id), "status"));
        }
    }

    // A queue with a 30-minute unanswered timeout, and an event log past its cap so every operation also trims it.
    private async Task<StoreUnderTest> OpenFilledAsync(string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0), null, false, "lead", T0);
        for (var i = 0; i < 25; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        return store;
    }
}
