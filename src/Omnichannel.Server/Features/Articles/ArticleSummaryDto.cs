using Omnichannel.Core.Articles;

namespace Omnichannel.Server.Features.Articles;

/// <summary>An article in a list: everything but its text (<c>GET /api/articles/{id}</c> has that).</summary>
public sealed record ArticleSummaryDto(string Id, string Title, string Category, string Status, DateTimeOffset UpdatedAt)
{
    public static ArticleSummaryDto From(Article article) =>
        new(article.Id, article.Title, article.CategoryId, ArticleStatuses.Name(article.Status), article.UpdatedAt);
}
