using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class ConversationLifecycleTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_resolved_conversation_reopens_on_a_new_inbound_message_and_moves_back_to_the_open_indices(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1", thread: "order-1"), T0);
        var resolved = await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, "agent-1", T0.AddMinutes(1));
        Assert.Equal((ConversationStatus.Open, ConversationStatus.Resolved), (resolved!.Previous, resolved.Current));
        Assert.True(await store.InIndexAsync(store.Keys.IndexAll("resolved"), first.ConversationId));
        Assert.True(await store.InIndexAsync(store.Keys.IndexUnassigned("default", "resolved"), first.ConversationId));
        Assert.False(await store.InIndexAsync(store.Keys.IndexAll("open"), first.ConversationId));

        var reply = await store.Conversations.IngestAsync(Inbound.Message("ana", "m2", thread: "order-1"), T0.AddHours(1));

        Assert.True(reply.Reopened);
        Assert.False(reply.ConversationCreated);
        Assert.Equal(first.ConversationId, reply.ConversationId);
        var conversation = await store.Conversations.GetConversationAsync(first.ConversationId);
        Assert.Equal(ConversationStatus.Open, conversation!.Status);
        Assert.Equal(2, conversation.MessageCount);
        Assert.Equal(T0.AddHours(1), conversation.LastActivityAt);
        foreach (var status in new[] { "resolved", "open" })
        {
            var expected = status == "open";
            Assert.Equal(expected, await store.InIndexAsync(store.Keys.IndexAll(status), first.ConversationId));
            Assert.Equal(expected, await store.InIndexAsync(store.Keys.IndexUnassigned("default", status), first.ConversationId));
        }

        var events = await store.Conversations.ReadEventsAsync(0, 100);
        Assert.Equal(["conversation.created", "message.created", "conversation.status_changed", "conversation.reopened", "message.created"], events.Select(e => e.Type));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Resolving_a_resolved_conversation_changes_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, "agent-1", T0.AddMinutes(1));

        var again = await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, "agent-1", T0.AddMinutes(2));

        Assert.Equal(0, again!.EventSequence);
        Assert.Equal(3, (await store.Conversations.ReadEventsAsync(0, 100)).Count);
        Assert.Null(await store.Conversations.ChangeStatusAsync(Ids.New(), ConversationStatus.Resolved, null, "agent-1", T0));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_snoozed_conversation_opens_on_a_new_inbound_message_and_leaves_the_snooze_schedule(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1", thread: "order-1"), T0);
        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Snoozed, T0.AddDays(1), "agent-1", T0.AddMinutes(1));
        Assert.Equal(T0.AddDays(1), (await store.Conversations.GetConversationAsync(first.ConversationId))!.SnoozedUntil);
        Assert.True(await store.InIndexAsync(store.Keys.Prefix + "snoozed", first.ConversationId));
        Assert.True(await store.InIndexAsync(store.Keys.IndexAll("snoozed"), first.ConversationId));

        var reply = await store.Conversations.IngestAsync(Inbound.Message("ana", "m2", thread: "order-1"), T0.AddHours(1));

        Assert.Equal(first.ConversationId, reply.ConversationId);
        Assert.False(reply.Reopened);
        Assert.Equal(ConversationStatus.Snoozed, reply.PreviousStatus);
        var events = await store.Conversations.ReadEventsAsync(reply.ConversationEventSequence - 1, 10);
        Assert.Equal(["conversation.status_changed", "message.created"], events.Select(e => e.Type));
        Assert.Equal(reply.EventSequence, events[^1].Sequence);
        var conversation = await store.Conversations.GetConversationAsync(first.ConversationId);
        Assert.Equal(ConversationStatus.Open, conversation!.Status);
        Assert.Null(conversation.SnoozedUntil);
        Assert.False(await store.InIndexAsync(store.Keys.Prefix + "snoozed", first.ConversationId));
        Assert.False(await store.InIndexAsync(store.Keys.IndexAll("snoozed"), first.ConversationId));
        Assert.True(await store.InIndexAsync(store.Keys.IndexAll("open"), first.ConversationId));
        // Nothing is left to wake: the conversation is not reopened a second time tomorrow.
        Assert.Empty(await store.Conversations.WakeSnoozedAsync(T0.AddDays(2)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Waking_snoozed_conversations_reopens_those_that_are_due_and_not_those_snoozed_longer(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var due = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        var later = await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0);
        await store.Conversations.ChangeStatusAsync(due.ConversationId, ConversationStatus.Snoozed, T0.AddMinutes(30), "agent-1", T0);
        await store.Conversations.ChangeStatusAsync(later.ConversationId, ConversationStatus.Snoozed, T0.AddHours(3), "agent-1", T0);
        var before = (await store.Conversations.ReadEventsAsync(0, 100)).Count;

        var woken = await store.Conversations.WakeSnoozedAsync(T0.AddHours(1));

        var wokenConversation = Assert.Single(woken);
        Assert.Equal(due.ConversationId, wokenConversation.ConversationId);
        Assert.Equal(ConversationStatus.Open, (await store.Conversations.GetConversationAsync(due.ConversationId))!.Status);
        Assert.True(await store.InIndexAsync(store.Keys.IndexAll("open"), due.ConversationId));
        Assert.False(await store.InIndexAsync(store.Keys.IndexAll("snoozed"), due.ConversationId));
        Assert.False(await store.InIndexAsync(store.Keys.Prefix + "snoozed", due.ConversationId));

        Assert.Equal(ConversationStatus.Snoozed, (await store.Conversations.GetConversationAsync(later.ConversationId))!.Status);
        Assert.True(await store.InIndexAsync(store.Keys.Prefix + "snoozed", later.ConversationId));

        var events = await store.Conversations.ReadEventsAsync(0, 100);
        var wake = Assert.Single(events.Skip(before));
        Assert.Equal(("conversation.status_changed", due.ConversationId, wokenConversation.EventSequence), (wake.Type, wake.ConversationId, wake.Sequence));
        Assert.Empty(await store.Conversations.WakeSnoozedAsync(T0.AddHours(2)));
    }
}
