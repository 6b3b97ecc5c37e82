using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class OutboundTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reply_waits_for_delivery_sets_the_first_response_once_and_lifts_the_conversation_to_the_top(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var older = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        var newer = await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0.AddMinutes(1));

        var reply = await store.Conversations.AppendOutboundAsync(Reply(older.ConversationId, "On its way."), T0.AddMinutes(2));
        var followUp = await store.Conversations.AppendOutboundAsync(Reply(older.ConversationId, "Tracking: 123."), T0.AddMinutes(3));

        Assert.NotNull(reply);
        Assert.NotNull(followUp);
        var message = await store.Conversations.GetMessageAsync(reply.MessageId);
        Assert.NotNull(message);
        Assert.Equal((MessageDirection.Out, DeliveryState.Pending, false, 2L), (message.Direction, message.Delivery, message.IsPrivate, message.Sequence));
        Assert.Equal((AuthorKind.Agent, "agent-1", "Agent One", "On its way."), (message.AuthorKind, message.AuthorId, message.AuthorName, message.Text));

        var conversation = await store.Conversations.GetConversationAsync(older.ConversationId);
        Assert.Equal(T0.AddMinutes(2), conversation!.FirstResponseAt);
        Assert.Equal(T0.AddMinutes(3), conversation.LastActivityAt);
        Assert.Equal(3, conversation.MessageCount);
        var top = await store.Conversations.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, null, 10));
        Assert.Equal([older.ConversationId, newer.ConversationId], top.Items.Select(c => c.Id));

        Assert.Equal([reply.MessageId, followUp.MessageId], (await store.Db.ListRangeAsync(Outbox(store, ChannelNames.Api))).Select(v => (string)v!));
        var events = await store.Conversations.ReadEventsAsync(0, 100);
        Assert.Equal(reply.EventSequence, Assert.Single(events, e => e.MessageId == reply.MessageId).Sequence);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_private_note_is_never_sent_and_does_not_count_as_activity_or_a_response(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        var other = await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0.AddMinutes(1));

        var note = await store.Conversations.AppendOutboundAsync(Reply(first.ConversationId, "Customer is a VIP.") with { IsPrivate = true }, T0.AddMinutes(5));

        Assert.NotNull(note);
        var message = await store.Conversations.GetMessageAsync(note.MessageId);
        Assert.Equal((DeliveryState.None, true), (message!.Delivery, message.IsPrivate));
        Assert.Equal(0, await store.Db.ListLengthAsync(Outbox(store, ChannelNames.Api)));
        var conversation = await store.Conversations.GetConversationAsync(first.ConversationId);
        Assert.Equal(T0, conversation!.LastActivityAt);
        Assert.Null(conversation.FirstResponseAt);
        Assert.Equal(2, conversation.MessageCount);
        var list = await store.Conversations.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, null, 10));
        Assert.Equal([other.ConversationId, first.ConversationId], list.Items.Select(c => c.Id));
        // Agents see the note in the thread, in order.
        var thread = await store.Conversations.ListMessagesAsync(first.ConversationId, null, 10);
        Assert.Equal([note.MessageId, first.MessageId], thread.Items.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reply_to_an_unknown_conversation_is_refused_and_stores_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);

        var reply = await store.Conversations.AppendOutboundAsync(Reply(Ids.New(), "Hello?"), T0);

        Assert.Null(reply);
        Assert.Empty(await store.Conversations.ReadEventsAsync(0, 10));
        Assert.Equal(0, await store.Db.ListLengthAsync(Outbox(store, ChannelNames.Api)));
    }

    private static OutboundMessage Reply(string conversationId, string text) =>
        new(conversationId, AuthorKind.Agent, "agent-1", "Agent One", text, IsPrivate: false);

    private static string Outbox(StoreUnderTest store, string channel) => store.Keys.Prefix + "outbox:" + channel;
}
