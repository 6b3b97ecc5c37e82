using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class ContactResolutionTests(StoreServers servers)
{
    private static readonly ContactIdentity AnaEmail = new(IdentityKinds.Email, "ana@example.com");

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_same_sender_on_two_threads_is_one_contact_with_two_conversations(string backend)
    {
        await using var store = await OpenAsync(servers, backend);

        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1", thread: "order-1"), T0);
        var second = await store.Conversations.IngestAsync(Inbound.Message("ana", "m2", thread: "order-2"), T0.AddSeconds(1));

        Assert.Equal(first.ContactId, second.ContactId);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        var contact = await store.Conversations.GetContactAsync(first.ContactId);
        Assert.NotNull(contact);
        Assert.Equal([new ContactIdentity(IdentityKinds.Api, "ana")], contact.Identities);
        Assert.Equal("ana", contact.Name);
        Assert.Equal([second.ConversationId, first.ConversationId], (await store.Conversations.ListContactConversationsAsync(first.ContactId, 10)).Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_verified_email_links_the_visitor_to_the_contact_who_owns_it_without_renaming_her(string backend)
    {
        // Verified: the host site signed its user (userHash); a typed email is only claimed (ContactMergeStoreTests).
        await using var store = await OpenAsync(servers, backend);
        var byMail = await store.Conversations.IngestAsync(Inbound.Message("unused", "mail-1") with
        {
            Channel = ChannelNames.Email,
            Sender = AnaEmail,
            SenderName = "Ana",
        }, T0);

        var chat = await store.Conversations.IngestAsync(Inbound.Message("unused", "chat-1") with
        {
            Channel = ChannelNames.WebChat,
            Sender = new ContactIdentity(IdentityKinds.WebVisitor, "visitor-7"),
            OtherIdentities = [AnaEmail],
            SenderName = "Ana Maria",
        }, T0.AddMinutes(1));

        Assert.Equal(byMail.ContactId, chat.ContactId);
        Assert.NotEqual(byMail.ConversationId, chat.ConversationId);
        var contact = await store.Conversations.GetContactAsync(byMail.ContactId);
        Assert.NotNull(contact);
        Assert.Equal([AnaEmail, new ContactIdentity(IdentityKinds.WebVisitor, "visitor-7")], contact.Identities);
        Assert.Equal("ana@example.com", contact.Email);
        Assert.Equal("Ana", contact.Name);

        // The visitor id now belongs to Ana: her next chat message needs no email to find her.
        var later = await store.Conversations.IngestAsync(Inbound.Message("unused", "chat-2") with
        {
            Channel = ChannelNames.WebChat,
            Sender = new ContactIdentity(IdentityKinds.WebVisitor, "visitor-7"),
        }, T0.AddMinutes(2));
        Assert.Equal(byMail.ContactId, later.ContactId);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_known_sender_keeps_their_contact_and_an_email_owned_by_someone_else_stays_theirs(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = await store.Conversations.IngestAsync(Inbound.Message("unused", "mail-1") with { Channel = ChannelNames.Email, Sender = AnaEmail }, T0);
        var bob = await store.Conversations.IngestAsync(Inbound.Message("bob", "api-1"), T0.AddSeconds(1));

        // Bob types Ana's address into a form: merging two people is a human decision, not the store's.
        var bobAgain = await store.Conversations.IngestAsync(Inbound.Message("bob", "api-2") with { OtherIdentities = [AnaEmail] }, T0.AddSeconds(2));

        Assert.Equal(bob.ContactId, bobAgain.ContactId);
        var anaContact = await store.Conversations.GetContactAsync(ana.ContactId);
        var bobContact = await store.Conversations.GetContactAsync(bob.ContactId);
        Assert.Equal([AnaEmail], anaContact!.Identities);
        Assert.Equal([new ContactIdentity(IdentityKinds.Api, "bob")], bobContact!.Identities);
        Assert.Null(bobContact.Email);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_unknown_contact_is_null(string backend)
    {
        await using var store = await OpenAsync(servers, backend);

        Assert.Null(await store.Conversations.GetContactAsync(Ids.New()));
    }
}
