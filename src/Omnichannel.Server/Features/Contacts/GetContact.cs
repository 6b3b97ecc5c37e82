using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Contacts;

/// <summary>
/// <c>GET /api/contacts/{id}</c>: a contact with its identities and the conversations the caller may see; a merged
/// contact answers as the one it became part of.
/// </summary>
public sealed record GetContact(string Id, Principal? Principal) : IRequest<Outcome<ContactDto>>;

public sealed class GetContactHandler(IConversationStore store) : IRequestHandler<GetContact, Outcome<ContactDto>>
{
    public async ValueTask<Outcome<ContactDto>> Handle(GetContact request, CancellationToken cancellationToken)
    {
        var id = request.Id;
        if (!Ids.IsWellFormed(id) || await store.GetContactAsync(id, cancellationToken) is not { } contact)
        {
            return Outcome<ContactDto>.NotFound;
        }

        // A merged contact leads to the one it became part of (messages keep its id as their author).
        if (contact.MergedInto is { } merged && await store.GetContactAsync(merged, cancellationToken) is { } target)
        {
            (id, contact) = (target.Id, target);
        }

        var principal = request.Principal;
        // One pipelined read of the contact's conversations, filtered to what the caller may see.
        var conversations = (await store.ListContactConversationsAsync(id, ContactsApi.MaxConversations, cancellationToken))
            .Where(c => AccessRule.CanSeeConversation(principal, c)).ToList();

        // An agent sees a contact only through a conversation they may see.
        if (!AccessRule.SeesEverything(principal) && conversations.Count == 0)
        {
            return Outcome<ContactDto>.Forbidden;
        }

        return Outcome<ContactDto>.Found(ContactDto.From(contact, conversations));
    }
}
