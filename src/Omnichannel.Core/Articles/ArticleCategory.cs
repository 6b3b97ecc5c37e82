namespace Omnichannel.Core.Articles;

/// <summary>A group of articles; the help center lists categories by <see cref="Position"/>, then name.</summary>
public sealed record ArticleCategory(string Id, string Name, int Position, DateTimeOffset UpdatedAt);
