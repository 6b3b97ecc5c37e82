using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// A workspace filled through the real store API with every state the checker speaks about: several channels, a
/// thread of two messages, replies waiting, claimed, scheduled for retry and delivered, a private note, assignments
/// and a reassignment, a resolved-then-reopened, a snoozed and a pending conversation.
/// </summary>
internal sealed record CheckedStore(string Ana, string Bob, string Carl, string Dora, string Eve, string Finn,
    string AnaFirstMessage, string AnaReply)
{
    public static async Task<CheckedStore> FillAsync(StoreUnderTest store)
    {
        var conversations = store.Conversations;
        var outbox = new RedisOutboundQueue(store.Connection);
        var ana = await conversations.IngestAsync(Inbound.Message("ana", "m1"), T0);
        await conversations.IngestAsync(Inbound.Message("ana", "m2"), T0.AddMinutes(1));
        var bob = await conversations.IngestAsync(From(ChannelNames.Email, IdentityKinds.Email, "bob@example.test",
            "<b1@example.test>", "billing"), T0.AddMinutes(2));
        var carl = await conversations.IngestAsync(From(ChannelNames.Telegram, IdentityKinds.Telegram, "4242", "u-1",
            "default"), T0.AddMinutes(3));
        var dora = await conversations.IngestAsync(Inbound.Message("dora", "m4"), T0.AddMinutes(4));
        var eve = await conversations.IngestAsync(From(ChannelNames.Email, IdentityKinds.Email, "eve@example.test",
            "<e1@example.test>", "default"), T0.AddMinutes(5));
        var finn = await conversations.IngestAsync(Inbound.Message("finn", "m6", queue: "billing"), T0.AddMinutes(6));

        var anaReply = await ReplyAsync(store, ana.ConversationId, "Waiting in the outbox.", T0.AddMinutes(10));
        await ReplyAsync(store, bob.ConversationId, "Claimed by a sender.", T0.AddMinutes(11));
        Assert.NotNull(await outbox.ClaimAsync(ChannelNames.Email, T0.AddMinutes(11)));
        var carlReply = await ReplyAsync(store, carl.ConversationId, "Retried later.", T0.AddMinutes(12));
        Assert.NotNull(await outbox.ClaimAsync(ChannelNames.Telegram, T0.AddMinutes(12)));
        await outbox.RetryLaterAsync(ChannelNames.Telegram, carlReply, T0.AddMinutes(20));
        var doraReply = await ReplyAsync(store, dora.ConversationId, "Delivered.", T0.AddMinutes(13));
        Assert.NotNull(await outbox.ClaimAsync(ChannelNames.Api, T0.AddMinutes(13)));
        await outbox.SetDeliveryAsync(doraReply, DeliveryState.Delivered, null, T0.AddMinutes(13));
        await outbox.CompleteAsync(ChannelNames.Api, doraReply);
        Assert.NotNull(await conversations.AppendOutboundAsync(
            new(eve.ConversationId, AuthorKind.Agent, "agent-ana", null, "A note.", IsPrivate: true),
            T0.AddMinutes(14)));

        await conversations.AssignAsync(ana.ConversationId, "agent-ana", "manual", "lead", T0.AddMinutes(15));
        await conversations.AssignAsync(bob.ConversationId, "agent-bob", "manual", "lead", T0.AddMinutes(15));
        await conversations.AssignAsync(carl.ConversationId, "agent-ana", "manual", "lead", T0.AddMinutes(15));
        await conversations.AssignAsync(carl.ConversationId, "agent-bob", "manual", "lead", T0.AddMinutes(16));
        await conversations.ChangeStatusAsync(dora.ConversationId, ConversationStatus.Resolved, null, "lead",
            T0.AddMinutes(17));
        await conversations.IngestAsync(Inbound.Message("dora", "m7"), T0.AddMinutes(18));
        await conversations.ChangeStatusAsync(eve.ConversationId, ConversationStatus.Snoozed, T0.AddDays(1), "lead",
            T0.AddMinutes(19));
        await conversations.ChangeStatusAsync(finn.ConversationId, ConversationStatus.Pending, null, "lead",
            T0.AddMinutes(20));
        return new(ana.ConversationId, bob.ConversationId, carl.ConversationId, dora.ConversationId, eve.ConversationId,
            finn.ConversationId, ana.MessageId, anaReply);
    }

    private static InboundMessage From(string channel, string kind, string sender, string externalId, string queue) =>
        Inbound.Message(sender, externalId, thread: externalId, queue: queue) with
        {
            Channel = channel,
            Sender = new ContactIdentity(kind, sender),
        };

    private static async Task<string> ReplyAsync(
        StoreUnderTest store, string conversationId, string text, DateTimeOffset now)
    {
        var reply = await store.Conversations.AppendOutboundAsync(
            new OutboundMessage(conversationId, AuthorKind.Agent, "agent-ana", "Ana", text, IsPrivate: false), now);
        Assert.NotNull(reply);
        return reply.MessageId;
    }
}
