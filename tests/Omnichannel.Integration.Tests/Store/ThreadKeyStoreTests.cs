using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis.Checking;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// A thread key names a thread and nothing else (issue 24): never the per-contact thread, never a conversation by
/// its id; continuing a conversation takes a reply of it; threads stored before keys were per token still thread.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ThreadKeyStoreTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_supplied_key_never_reaches_the_per_contact_thread_and_keys_stay_distinct(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = await store.Conversations.IngestAsync(Inbound.Message("ana", "a1"), T0);

        var bob = await store.Conversations.IngestAsync(
            Inbound.Message("bob", "b1", thread: "contact:" + ana.ContactId), T0.AddSeconds(1));
        var escaped = await store.Conversations.IngestAsync(
            Inbound.Message("bob", "b2", thread: "~contact:" + ana.ContactId), T0.AddSeconds(2));
        var again = await store.Conversations.IngestAsync(
            Inbound.Message("bob", "b3", thread: "contact:" + ana.ContactId), T0.AddSeconds(3));

        Assert.NotEqual(ana.ConversationId, bob.ConversationId);
        Assert.NotEqual(bob.ConversationId, escaped.ConversationId);
        Assert.Equal(bob.ConversationId, again.ConversationId);
        Assert.Equal(bob.ConversationId, await store.Conversations.FindThreadConversationAsync(
            ChannelNames.Api, Inbound.Account, "contact:" + ana.ContactId));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_conversation_is_continued_only_with_one_of_its_own_replies(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var chat = await store.Conversations.IngestAsync(Inbound.Message("vera", "v1") with
        {
            Channel = ChannelNames.WebChat,
        }, T0);
        var other = await store.Conversations.IngestAsync(Inbound.Message("mallory", "m1"), T0.AddSeconds(1));
        var reply = await store.Conversations.AppendOutboundAsync(
            new OutboundMessage(chat.ConversationId, AuthorKind.Agent, "agent-1", "Ana", "It ships tomorrow.", false),
            T0.AddMinutes(1));
        var otherReply = await store.Conversations.AppendOutboundAsync(
            new OutboundMessage(other.ConversationId, AuthorKind.Agent, "agent-1", "Ana", "Hello Mallory.", false),
            T0.AddMinutes(1));

        // Someone else's reply id, the customer's own message, a made-up id: each is a thread of its own.
        ConversationContinuation[] forged =
        [
            new(chat.ConversationId, otherReply!.MessageId),
            new(chat.ConversationId, chat.MessageId),
            new(chat.ConversationId, Ids.New()),
        ];
        for (var i = 0; i < forged.Length; i++)
        {
            var result = await store.Conversations.IngestAsync(Inbound.Message("mallory", $"f{i}", thread: $"mail-{i}")
                with
            { Channel = ChannelNames.Email, Continues = forged[i] }, T0.AddMinutes(2 + i));
            Assert.NotEqual(chat.ConversationId, result.ConversationId);
        }

        var answer = await store.Conversations.IngestAsync(Inbound.Message("vera", "e1", thread: "mail-x")
            with
        { Channel = ChannelNames.Email, Continues = new(chat.ConversationId, reply!.MessageId) },
            T0.AddMinutes(9));
        Assert.Equal(chat.ConversationId, answer.ConversationId);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_thread_stored_before_keys_were_per_token_moves_to_the_first_token_that_names_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        // Before: the integration's key was the thread key as given.
        var before = await store.Conversations.IngestAsync(Inbound.Message("ana", "o1", thread: "ticket-7"), T0);

        var crm = await store.Conversations.IngestAsync(Inbound.Message("ana", "o2", thread: "token:crm:ticket-7")
            with
        { FormerThreadKey = "ticket-7" }, T0.AddMinutes(1));
        var crmAgain = await store.Conversations.IngestAsync(Inbound.Message("ana", "o3", thread: "token:crm:ticket-7")
            with
        { FormerThreadKey = "ticket-7" }, T0.AddMinutes(2));
        var shop = await store.Conversations.IngestAsync(Inbound.Message("ana", "o4", thread: "token:shop:ticket-7")
            with
        { FormerThreadKey = "ticket-7" }, T0.AddMinutes(3));

        Assert.Equal(before.ConversationId, crm.ConversationId);
        Assert.Equal(before.ConversationId, crmAgain.ConversationId);
        Assert.NotEqual(before.ConversationId, shop.ConversationId);
        Assert.Null(
            await store.Conversations.FindThreadConversationAsync(ChannelNames.Api, Inbound.Account, "ticket-7"));
        Assert.Equal(store.Keys.Thread(ChannelNames.Api, Inbound.Account, "token:crm:ticket-7"),
            (string?)await store.Db.HashGetAsync(store.Keys.Conversation(before.ConversationId), "threadKey"));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }
}
