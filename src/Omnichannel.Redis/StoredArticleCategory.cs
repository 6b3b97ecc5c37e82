namespace Omnichannel.Redis;

/// <summary>An article category as <c>article-category:{id}</c> holds it; <c>updatedAt</c> Unix ms.</summary>
internal sealed record StoredArticleCategory(string Id, string Name, int Position, long UpdatedAt);
