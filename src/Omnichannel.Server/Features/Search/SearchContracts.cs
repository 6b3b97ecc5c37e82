using Omnichannel.Core.Model;

namespace Omnichannel.Server.Features.Search;

/// <summary>
/// One search hit. <c>Kind</c> says what it is (<c>conversation</c>; knowledge-base articles will be <c>article</c>),
/// <c>Title</c> and <c>Snippet</c> are plain text for any kind; the conversation fields are null for other kinds.
/// </summary>
public sealed record SearchItem(
    string Kind,
    string Id,
    string Title,
    string Snippet,
    DateTimeOffset UpdatedAt,
    ConversationStatus? Status = null,
    string? Channel = null,
    string? Queue = null,
    string? AssigneeId = null);

/// <summary>A page of hits, best first; <c>NextCursor</c> asks for the next page (null: no more).</summary>
public sealed record SearchResponse(IReadOnlyList<SearchItem> Items, string? NextCursor);
