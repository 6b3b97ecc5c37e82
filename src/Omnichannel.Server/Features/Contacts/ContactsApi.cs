using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Contacts;

/// <summary>One way to reach the contact; <c>Claimed</c>: typed into an anonymous channel, nobody verified it.</summary>
public sealed record ContactIdentityDto(string Kind, string Value, bool Claimed = false);

/// <summary><c>POST /api/contacts/{id}/merge</c>: the contact <c>from</c> is merged into <c>{id}</c>.</summary>
public sealed record MergeContactsRequest(string? From);

public sealed record MergeContactsResponse(string Id, string MergedFrom, int Conversations, int Identities);

public sealed record ContactConversationDto(string Id, string Channel, ConversationStatus Status, DateTimeOffset LastActivityAt);

/// <summary>A contact with every identity across channels and their conversations (newest first) the caller may see.</summary>
public sealed record ContactDto(
    string Id,
    string? Name,
    string? Email,
    bool EmailClaimed,
    IReadOnlyList<ContactIdentityDto> Identities,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ContactConversationDto> Conversations)
{
    /// <summary>The contact with the given conversations (already filtered to what the caller may see).</summary>
    public static ContactDto From(Contact contact, IEnumerable<Conversation> conversations) =>
        new(contact.Id, contact.Name, contact.Email, contact.EmailClaimed,
            [
                .. contact.Identities.Select(i => new ContactIdentityDto(i.Kind, i.Value)),
                .. contact.Claimed.Select(i => new ContactIdentityDto(i.Kind, i.Value, Claimed: true)),
            ],
            contact.Attributes, contact.CreatedAt,
            [.. conversations.Select(c => new ContactConversationDto(c.Id, c.Channel, c.Status, c.LastActivityAt))]);
}

/// <summary><c>GET /api/contacts?q=</c>: matching contacts the caller may see, at most <c>limit</c>.</summary>
public sealed record ContactSearchResponse(IReadOnlyList<ContactDto> Items);

public static class ContactsApi
{
    /// <summary>Conversations listed (and judged by the access rule) per contact.</summary>
    internal const int MaxConversations = 50;

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", SearchContacts.HandleAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapPost("/{id}/merge", MergeAsync).RequireAuthorization(InboxPolicies.Agent);
        return group;
    }

    private static async Task<Results<Ok<ContactDto>, NotFound, ForbidHttpResult>> GetAsync(
        string id, HttpContext http, IConversationStore store, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || await store.GetContactAsync(id, ct) is not { } contact)
        {
            return TypedResults.NotFound();
        }

        // A merged contact leads to the one it became part of (messages keep its id as their author).
        if (contact.MergedInto is { } merged && await store.GetContactAsync(merged, ct) is { } target)
        {
            (id, contact) = (target.Id, target);
        }

        var principal = http.CurrentPrincipal();
        // One pipelined read of the contact's conversations, filtered to what the caller may see.
        var conversations = (await store.ListContactConversationsAsync(id, MaxConversations, ct)).Where(c => AccessRule.CanSeeConversation(principal, c)).ToList();

        // An agent sees a contact only through a conversation they may see.
        if (!AccessRule.SeesEverything(principal) && conversations.Count == 0)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(ContactDto.From(contact, conversations));
    }

    private static async Task<Results<Ok<MergeContactsResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>>
        MergeAsync(string id, MergeContactsRequest request, HttpContext http, IConversationStore store,
            IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.From))
        {
            throw new RequestValidationException([new("from", "is required: the id of the contact to merge into this one.")]);
        }

        if (!Ids.IsWellFormed(request.From))
        {
            throw new RequestValidationException([new("from", "is not a contact id.")]);
        }

        if (request.From == id)
        {
            throw new RequestValidationException([new("from", "is this contact.")]);
        }

        if (!Ids.IsWellFormed(id) || await store.GetContactAsync(id, ct) is not { } into
            || await store.GetContactAsync(request.From, ct) is not { } from)
        {
            return TypedResults.NotFound();
        }

        var principal = http.CurrentPrincipal();
        var intoConversations = await store.ListContactConversationsAsync(into.Id, MaxConversations, ct);
        var fromConversations = await store.ListContactConversationsAsync(from.Id, MaxConversations, ct);
        if (!AccessRule.CanMergeContacts(principal, intoConversations, fromConversations))
        {
            return TypedResults.Forbid();
        }

        if (into.MergedInto is not null || from.MergedInto is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "That contact was already merged into another; merge into that one.");
        }

        var result = await store.MergeContactsAsync(into.Id, from.Id, principal!.Id, time.GetUtcNow(), ct);
        if (result is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "One of the contacts changed; try again.");
        }

        // The merge is stored: the live event must not fail the request (nor be cut short by the caller leaving).
        await publisher.Publish(new ContactsMerged(into.Id, from.Id, result.ConversationIds, principal.Id), CancellationToken.None);
        return TypedResults.Ok(new MergeContactsResponse(into.Id, from.Id, result.Conversations, result.Identities));
    }
}
