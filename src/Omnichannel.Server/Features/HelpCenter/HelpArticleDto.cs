namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// A published article as the public sees it in a list (<c>GET /api/help/articles</c>, the web chat widget's "search
/// our help"): <c>snippet</c> is plain text from its start, <c>url</c> its page in the help center.
/// </summary>
public sealed record HelpArticleDto(
    string Id, string Title, string Category, string Snippet, string Url, DateTimeOffset UpdatedAt);

/// <summary><c>{items}</c>: the published articles that match, best first.</summary>
public sealed record HelpArticleListDto(IReadOnlyList<HelpArticleDto> Items);
