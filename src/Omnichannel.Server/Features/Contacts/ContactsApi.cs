using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Contacts;

public sealed record ContactIdentityDto(string Kind, string Value);

public sealed record ContactConversationDto(string Id, string Channel, ConversationStatus Status, DateTimeOffset LastActivityAt);

/// <summary>A contact with every identity across channels and their conversations (newest first) the caller may see.</summary>
public sealed record ContactDto(
    string Id,
    string? Name,
    string? Email,
    IReadOnlyList<ContactIdentityDto> Identities,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ContactConversationDto> Conversations);

public static class ContactsApi
{
    private const int MaxConversations = 50;

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        return group;
    }

    private static async Task<Results<Ok<ContactDto>, NotFound, ForbidHttpResult>> GetAsync(
        string id, HttpContext http, IConversationStore store, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || await store.GetContactAsync(id, ct) is not { } contact)
        {
            return TypedResults.NotFound();
        }

        var principal = http.CurrentPrincipal();
        // One pipelined read of the contact's conversations, filtered to what the caller may see.
        var conversations = (await store.ListContactConversationsAsync(id, MaxConversations, ct)).Where(c => AccessRule.CanSeeConversation(principal, c)).ToList();

        // An agent sees a contact only through a conversation they may see.
        if (!AccessRule.SeesEverything(principal) && conversations.Count == 0)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(new ContactDto(contact.Id, contact.Name, contact.Email,
            [.. contact.Identities.Select(i => new ContactIdentityDto(i.Kind, i.Value))], contact.Attributes, contact.CreatedAt,
            [.. conversations.Select(c => new ContactConversationDto(c.Id, c.Channel, c.Status, c.LastActivityAt))]));
    }
}
