using Omnichannel.Core.Model;

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
