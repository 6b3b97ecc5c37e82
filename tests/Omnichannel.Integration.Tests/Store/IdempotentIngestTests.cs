using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class IdempotentIngestTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_same_inbound_message_twice_is_stored_once_and_reported_as_a_duplicate(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var message = Inbound.Message("ana", "ext-1", thread: "thread-1");

        var first = await store.Conversations.IngestAsync(message, T0);
        var eventsAfterFirst = await store.Conversations.ReadEventsAsync(0, 100);
        // A redelivery may differ in everything but its id (a re-rendered body, a later poll): still the same message.
        var second = await store.Conversations.IngestAsync(message with { Text = "redelivered" }, T0.AddMinutes(5));

        Assert.False(first.Duplicate);
        Assert.True(first.ConversationCreated);
        Assert.True(second.Duplicate);
        Assert.False(second.ConversationCreated);
        Assert.False(second.Reopened);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(first.ContactId, second.ContactId);

        var conversation = await store.Conversations.GetConversationAsync(first.ConversationId);
        Assert.NotNull(conversation);
        Assert.Equal(1, conversation.MessageCount);
        Assert.Equal(T0, conversation.LastActivityAt);
        var messages = await store.Conversations.ListMessagesAsync(first.ConversationId, null, 10);
        var stored = Assert.Single(messages.Items);
        Assert.Equal(first.MessageId, stored.Id);
        Assert.Equal(message.Text, stored.Text);

        var events = await store.Conversations.ReadEventsAsync(0, 100);
        Assert.Equal(eventsAfterFirst, events);
        Assert.Equal(["conversation.created", "message.created"], events.Select(e => e.Type));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_same_external_id_on_another_account_or_channel_is_a_different_message(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var message = Inbound.Message("ana", "ext-1", thread: "thread-1");

        var original = await store.Conversations.IngestAsync(message, T0);
        var otherAccount = await store.Conversations.IngestAsync(message with { Account = "other-mailbox" }, T0.AddSeconds(1));
        var otherChannel = await store.Conversations.IngestAsync(message with { Channel = ChannelNames.Email }, T0.AddSeconds(2));

        Assert.False(otherAccount.Duplicate);
        Assert.False(otherChannel.Duplicate);
        Assert.Equal(3, new[] { original.MessageId, otherAccount.MessageId, otherChannel.MessageId }.Distinct().Count());
        // A thread is per channel account, so each lands in its own conversation.
        Assert.Equal(3, new[] { original.ConversationId, otherAccount.ConversationId, otherChannel.ConversationId }.Distinct().Count());
    }
}
