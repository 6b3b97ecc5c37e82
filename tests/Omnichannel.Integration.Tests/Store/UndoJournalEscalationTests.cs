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
/// The undo journal for a tier change (escalate.lua): the move, its private note, its event and audit entry and the
/// assignment in the next tier are all there after a crash, or none of them.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalEscalationTests(JournalStoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_escalation_with_its_note_stopped_after_any_of_its_writes_is_rolled_back_to_the_store_it_found(
        string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings("l2", "Second level", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0)
        { Tier = "L2" }, null, false, "lead", T0);
        await store.Queues.SaveAsync(new QueueSettings("l1", "First level", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0)
        { EscalatesTo = "l2" }, null, false, "lead", T0);
        var (ana, bob) = (Ids.New(), Ids.New());
        foreach (var (agent, queue) in new[] { (ana, "l1"), (bob, "l2") })
        {
            await store.Agents.TryCreateAsync(new Agent(agent, agent + "@example.test", agent, AgentRole.Agent, 5,
                [queue], "x", "s", T0));
            await store.Assignments.SetShiftWindowsAsync(agent, [new ShiftWindow(T0.AddHours(-1), T0.AddHours(8))], T0);
            await store.Assignments.SetAvailabilityAsync(agent, Availability.Online, agent, T0);
            await store.Assignments.HeartbeatAsync(agent, T0);
        }

        // Past the event log's cap, so that the escalation also trims the log.
        for (var i = 0; i < 25; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        var id = (await store.Conversations.IngestAsync(Inbound.Message("zed", "z1", queue: "l1"), T0)).ConversationId;
        Assert.Equal(ana, await store.Db.HashGetAsync(store.Keys.Conversation(id), "assigneeId"));
        var note = new OutboundMessage(id, AuthorKind.Agent, ana, "Ana", "Escalated: needs the API team", IsPrivate: true);

        var writes = await InterruptEveryWayAsync(store, LuaScripts.Escalate,
            store.Assignments.EscalateCall(id, true, ana, "needs the API team", note, T0.AddSeconds(5)));

        Assert.True(writes > 15, $"an escalation with a note took only {writes} writes");
        Assert.Equal("l2", await store.Db.HashGetAsync(store.Keys.Conversation(id), "queue"));
        Assert.Equal(bob, await store.Db.HashGetAsync(store.Keys.Conversation(id), "assigneeId"));
        Assert.Equal(2, await store.Db.SortedSetLengthAsync(store.Keys.Conversation(id) + ":messages"));
    }
}
