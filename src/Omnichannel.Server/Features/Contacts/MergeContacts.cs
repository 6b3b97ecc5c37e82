using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Contacts;

/// <summary><c>POST /api/contacts/{id}/merge</c>: the contact <c>from</c> becomes part of <c>{id}</c>.</summary>
public sealed record MergeContacts(string Id, string? From, Principal Principal) : IRequest<Outcome<MergeContactsResponse>>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        // One error at a time, the first that applies: as this route always answered.
        if (string.IsNullOrWhiteSpace(From))
        {
            return [new("from", "is required: the id of the contact to merge into this one.")];
        }

        if (!Ids.IsWellFormed(From))
        {
            return [new("from", "is not a contact id.")];
        }

        return From == Id ? [new("from", "is this contact.")] : [];
    }
}

public sealed class MergeContactsHandler(IConversationStore store, IPublisher publisher, TimeProvider time)
    : IRequestHandler<MergeContacts, Outcome<MergeContactsResponse>>
{
    public async ValueTask<Outcome<MergeContactsResponse>> Handle(MergeContacts request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.Id) || await store.GetContactAsync(request.Id, cancellationToken) is not { } into
            || await store.GetContactAsync(request.From!, cancellationToken) is not { } from)
        {
            return Outcome<MergeContactsResponse>.NotFound;
        }

        var principal = request.Principal;
        var intoConversations = await store.ListContactConversationsAsync(into.Id, ContactsApi.MaxConversations, cancellationToken);
        var fromConversations = await store.ListContactConversationsAsync(from.Id, ContactsApi.MaxConversations, cancellationToken);
        if (!AccessRule.CanMergeContacts(principal, intoConversations, fromConversations))
        {
            return Outcome<MergeContactsResponse>.Forbidden;
        }

        if (into.MergedInto is not null || from.MergedInto is not null)
        {
            return Outcome<MergeContactsResponse>.Conflict("That contact was already merged into another; merge into that one.", detail: null);
        }

        var result = await store.MergeContactsAsync(into.Id, from.Id, principal.Id, time.GetUtcNow(), cancellationToken);
        if (result is null)
        {
            return Outcome<MergeContactsResponse>.Conflict("One of the contacts changed; try again.", detail: null);
        }

        // The merge is stored: the live event must not fail the request (nor be cut short by the caller leaving).
        await publisher.Publish(new ContactsMerged(into.Id, from.Id, result.ConversationIds, principal.Id), CancellationToken.None);
        return Outcome<MergeContactsResponse>.Found(new MergeContactsResponse(into.Id, from.Id, result.Conversations, result.Identities));
    }
}
