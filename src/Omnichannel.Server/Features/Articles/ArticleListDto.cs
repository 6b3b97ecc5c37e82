namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// <c>{items, nextCursor}</c>, the shape issue 13 pinned for lists of articles. Every matching article is in
/// <c>items</c>, so <c>nextCursor</c> is null; it is there for paging should knowledge bases outgrow one answer.
/// </summary>
public sealed record ArticleListDto(IReadOnlyList<ArticleSummaryDto> Items, string? NextCursor = null);
