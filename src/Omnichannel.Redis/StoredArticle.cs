namespace Omnichannel.Redis;

/// <summary>
/// An article as <c>article:{id}</c> holds it; <c>status</c> is <c>draft</c>, <c>published</c> or <c>internal</c>,
/// <c>updatedAt</c> Unix ms.
/// </summary>
internal sealed record StoredArticle(
    string Id, string Title, string Markdown, string CategoryId, string Status, long UpdatedAt);
