using Omnichannel.Core.Articles;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// An article as the API shows it: the Markdown as written and the HTML it renders to (sanitized, safe to show).
/// <c>status</c> is <c>draft</c>, <c>published</c> or <c>internal</c>. A <c>GET</c> answer can be sent back to
/// <c>PUT</c> unchanged.
/// </summary>
public sealed record ArticleDto(
    string Id,
    string Title,
    string Markdown,
    string Html,
    string Category,
    string Status,
    DateTimeOffset UpdatedAt)
{
    public static ArticleDto From(Article article) => new(
        article.Id, article.Title, article.Markdown, ArticleRenderer.ToHtml(article.Markdown), article.CategoryId,
        ArticleStatuses.Name(article.Status), article.UpdatedAt);
}
