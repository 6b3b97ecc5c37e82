using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class AssignmentTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Assigning_moves_a_conversation_from_its_queue_to_the_agent_and_back(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var id = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1", queue: "billing"), T0)).ConversationId;
        await AssertIndexedAsync(store, id, queue: "billing", agent: null);

        var toAna = await store.Conversations.AssignAsync(id, "agent-ana", "round-robin", null, T0.AddMinutes(1));
        Assert.Equal((null, "agent-ana"), (toAna!.PreviousAssigneeId, toAna.AssigneeId));
        Assert.True(toAna.EventSequence > 0);
        Assert.Equal("agent-ana", (await store.Conversations.GetConversationAsync(id))!.AssigneeId);
        await AssertIndexedAsync(store, id, queue: "billing", agent: "agent-ana");

        var toBob = await store.Conversations.AssignAsync(id, "agent-bob", "manual", "lead-1", T0.AddMinutes(2));
        Assert.Equal(("agent-ana", "agent-bob"), (toBob!.PreviousAssigneeId, toBob.AssigneeId));
        await AssertIndexedAsync(store, id, queue: "billing", agent: "agent-bob");
        Assert.False(await store.InIndexAsync(store.Keys.IndexAgent("agent-ana", null), id));
        Assert.False(await store.InIndexAsync(store.Keys.IndexAgent("agent-ana", "open"), id));

        var backToQueue = await store.Conversations.AssignAsync(id, null, "handover", "lead-1", T0.AddMinutes(3));
        Assert.Equal(("agent-bob", null), (backToQueue!.PreviousAssigneeId, backToQueue.AssigneeId));
        Assert.Null((await store.Conversations.GetConversationAsync(id))!.AssigneeId);
        await AssertIndexedAsync(store, id, queue: "billing", agent: null);
        Assert.False(await store.InIndexAsync(store.Keys.IndexAgent("agent-bob", null), id));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Assigning_to_the_current_assignee_changes_nothing_and_emits_no_event(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var id = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0)).ConversationId;
        await store.Conversations.AssignAsync(id, "agent-ana", "manual", "lead-1", T0.AddMinutes(1));
        var events = await store.Conversations.ReadEventsAsync(0, 100);

        var again = await store.Conversations.AssignAsync(id, "agent-ana", "manual", "lead-1", T0.AddMinutes(2));

        Assert.Equal(("agent-ana", "agent-ana", 0L), (again!.PreviousAssigneeId, again.AssigneeId, again.EventSequence));
        Assert.Equal(events, await store.Conversations.ReadEventsAsync(0, 100));
        await AssertIndexedAsync(store, id, queue: "default", agent: "agent-ana");

        var unassigned = (await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0)).ConversationId;
        var stillUnassigned = await store.Conversations.AssignAsync(unassigned, null, "manual", "lead-1", T0.AddMinutes(3));
        Assert.Equal((null, null, 0L), (stillUnassigned!.PreviousAssigneeId, stillUnassigned.AssigneeId, stillUnassigned.EventSequence));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Assigning_an_unknown_conversation_is_null(string backend)
    {
        await using var store = await OpenAsync(servers, backend);

        Assert.Null(await store.Conversations.AssignAsync(Ids.New(), "agent-ana", "manual", "lead-1", T0));
        Assert.Empty(await store.Conversations.ReadEventsAsync(0, 10));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Events_read_in_pages_come_in_order_with_increasing_sequences(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ingest = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        var id = ingest.ConversationId;
        var assigned = await store.Conversations.AssignAsync(id, "agent-ana", "round-robin", null, T0.AddSeconds(1));
        var reply = await store.Conversations.AppendOutboundAsync(new(id, AuthorKind.Agent, "agent-ana", null, "Hi", false), T0.AddSeconds(2));
        var resolved = await store.Conversations.ChangeStatusAsync(id, ConversationStatus.Resolved, null, "agent-ana", T0.AddSeconds(3));
        var reopened = await store.Conversations.IngestAsync(Inbound.Message("ana", "m2"), T0.AddSeconds(4));

        var read = new List<Omnichannel.Core.Ports.StoreEvent>();
        long after = 0;
        while (true)
        {
            var page = await store.Conversations.ReadEventsAsync(after, 2);
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 2);
            read.AddRange(page);
            after = page[^1].Sequence;
        }

        // Reopened while its last agent is not eligible (no such agent is on shift here): it goes back to its queue.
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(
            ["conversation.created", "message.created", "conversation.assigned", "message.created", "conversation.status_changed", "conversation.reopened", "message.created", "conversation.assigned"],
            read.Select(e => e.Type));
        Assert.All(read, e => Assert.Equal(id, e.ConversationId));
        Assert.Equal([T0, T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(4), T0.AddSeconds(4), T0.AddSeconds(4)], read.Select(e => e.At));
        Assert.Equal([new Omnichannel.Core.Ports.AssignmentChange(id, "agent-ana", null, "reopened", 8)], reopened.Assignments);
        // Each operation reports the sequence of the event it appended.
        Assert.Equal([2L, 3L, 4L, 5L, 7L], [ingest.EventSequence, assigned!.EventSequence, reply!.EventSequence, resolved!.EventSequence, reopened.EventSequence]);
        Assert.Equal([ingest.MessageId, reply.MessageId, reopened.MessageId], read.Where(e => e.Type == "message.created").Select(e => e.MessageId));
        // Assigned with no actor; the agent resolved it; the engine ("system") returned it to the queue.
        Assert.Equal([null, null, "agent-ana", "system"], read.Where(e => e.Type is "conversation.created" or "conversation.assigned" or "conversation.status_changed").Select(e => e.ActorId));
        Assert.Empty(await store.Conversations.ReadEventsAsync(8, 10));
    }

    private static async Task AssertIndexedAsync(StoreUnderTest store, string id, string queue, string? agent)
    {
        var keys = store.Keys;
        Assert.True(await store.InIndexAsync(keys.IndexAll(null), id));
        Assert.True(await store.InIndexAsync(keys.IndexAll("open"), id));
        Assert.Equal(agent is null, await store.InIndexAsync(keys.IndexUnassigned(queue, null), id));
        Assert.Equal(agent is null, await store.InIndexAsync(keys.IndexUnassigned(queue, "open"), id));
        if (agent is not null)
        {
            Assert.True(await store.InIndexAsync(keys.IndexAgent(agent, null), id));
            Assert.True(await store.InIndexAsync(keys.IndexAgent(agent, "open"), id));
        }
    }
}
