using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis.Checking;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Claimed identities (issue 24): recorded on the claimant's own contact, never used to find or link one, verified
/// by the customer answering from that mailbox; and an agent's merge of two contacts, in one script.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ContactMergeStoreTests(StoreServers servers)
{
    private static readonly ContactIdentity AnaEmail = new(IdentityKinds.Email, "ana@example.com");

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_claimed_email_gets_a_contact_of_its_own_and_never_renames_the_owner(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = await store.Conversations.IngestAsync(Inbound.Message("ana", "a1") with
        {
            Channel = ChannelNames.Email,
            Sender = AnaEmail,
            SenderName = "Ana",
        }, T0);

        var mallory = await store.Conversations.IngestAsync(Visitor("mallory", "c1") with
        {
            ClaimedIdentities = [AnaEmail],
            SenderName = "Mallory",
        }, T0.AddMinutes(1));
        // The owner writing under another name does not rename her either.
        await store.Conversations.IngestAsync(Inbound.Message("unused", "a2") with
        {
            Channel = ChannelNames.Email,
            Sender = AnaEmail,
            SenderName = "Anastasia",
        }, T0.AddMinutes(2));

        Assert.NotEqual(ana.ContactId, mallory.ContactId);
        var owner = (await store.Conversations.GetContactAsync(ana.ContactId))!;
        var claimant = (await store.Conversations.GetContactAsync(mallory.ContactId))!;
        Assert.Equal("Ana", owner.Name);
        Assert.Equal([AnaEmail], owner.Identities);
        Assert.Empty(owner.Claimed);
        Assert.Equal(("Mallory", "ana@example.com", true), (claimant.Name, claimant.Email, claimant.EmailClaimed));
        Assert.Equal([AnaEmail], claimant.Claimed);
        Assert.Equal(ana.ContactId, await store.Db.HashGetAsync(store.Keys.Prefix + "identity", AnaEmail.ToString()));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Answering_a_reply_from_the_claimed_mailbox_verifies_the_claim(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var chat = await store.Conversations.IngestAsync(Visitor("vera", "c1") with { ClaimedIdentities = [AnaEmail] },
            T0);
        var reply = await store.Conversations.AppendOutboundAsync(
            new OutboundMessage(chat.ConversationId, AuthorKind.Agent, "agent-1", "Bo", "It ships tomorrow.", false),
            T0.AddMinutes(1));

        var answer = await store.Conversations.IngestAsync(Inbound.Message("unused", "<m1@example.com>",
            thread: "<m1@example.com>") with
        {
            Channel = ChannelNames.Email,
            Sender = AnaEmail,
            Continues = new(chat.ConversationId, reply!.MessageId),
        }, T0.AddMinutes(2));

        Assert.Equal((chat.ConversationId, chat.ContactId), (answer.ConversationId, answer.ContactId));
        var contact = (await store.Conversations.GetContactAsync(chat.ContactId))!;
        Assert.Contains(AnaEmail, contact.Identities);
        Assert.Empty(contact.Claimed);
        Assert.False(contact.EmailClaimed);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_merge_moves_conversations_identities_claims_and_attributes_in_one_step(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = await store.Conversations.IngestAsync(Inbound.Message("unused", "a1") with
        {
            Channel = ChannelNames.Email,
            Sender = AnaEmail,
            SenderName = "Ana",
        }, T0);
        var chat = await store.Conversations.IngestAsync(Visitor("ana-home", "c1") with
        {
            ClaimedIdentities = [AnaEmail, new(IdentityKinds.Email, "ana.home@example.com")],
            SenderName = "Ana at home",
        }, T0.AddMinutes(1));
        await store.Db.HashSetAsync(store.Keys.Contact(chat.ContactId), "attributes", """{"plan":"pro"}""");

        var result = await store.Conversations.MergeContactsAsync(ana.ContactId, chat.ContactId, "lead-1",
            T0.AddMinutes(2));

        Assert.NotNull(result);
        Assert.Equal((1, 3), (result.Conversations, result.Identities));
        Assert.Equal([chat.ConversationId], result.ConversationIds);
        var merged = (await store.Conversations.GetContactAsync(ana.ContactId))!;
        Assert.Equal("Ana", merged.Name);
        Assert.Equal(("ana@example.com", false), (merged.Email, merged.EmailClaimed));
        Assert.Equal([AnaEmail, new(IdentityKinds.WebVisitor, "default/v:ana-home")], merged.Identities);
        Assert.Equal([new ContactIdentity(IdentityKinds.Email, "ana.home@example.com")], merged.Claimed);
        Assert.Equal("pro", merged.Attributes["plan"]);
        Assert.Equal([chat.ConversationId, ana.ConversationId],
            (await store.Conversations.ListContactConversationsAsync(ana.ContactId, 10)).Select(c => c.Id));
        Assert.Equal(ana.ContactId, (await store.Conversations.GetConversationAsync(chat.ConversationId))!.ContactId);
        Assert.Equal(ana.ContactId, (await store.Conversations.GetContactAsync(chat.ContactId))!.MergedInto);

        // The visitor's next message finds Ana; a second merge of the same contact is refused.
        var next = await store.Conversations.IngestAsync(Visitor("ana-home", "c2"), T0.AddMinutes(3));
        Assert.Equal(ana.ContactId, next.ContactId);
        Assert.Null(await store.Conversations.MergeContactsAsync(ana.ContactId, chat.ContactId, "lead-1", T0));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    private static InboundMessage Visitor(string visitor, string clientId) =>
        Inbound.Message("unused", visitor + ":" + clientId) with
        {
            Channel = ChannelNames.WebChat,
            Account = "default",
            Sender = new ContactIdentity(IdentityKinds.WebVisitor, "default/v:" + visitor),
            SenderName = null,
            ThreadKey = "v:" + visitor,
        };
}
