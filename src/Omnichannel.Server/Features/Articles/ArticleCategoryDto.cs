using Omnichannel.Core.Articles;

namespace Omnichannel.Server.Features.Articles;

/// <summary>A category as the API shows it; a <c>GET</c> answer can be sent back to <c>PUT</c> unchanged.</summary>
public sealed record ArticleCategoryDto(string Id, string Name, int Position, DateTimeOffset UpdatedAt)
{
    public static ArticleCategoryDto From(ArticleCategory category) =>
        new(category.Id, category.Name, category.Position, category.UpdatedAt);
}
