using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Articles;

/// <summary><c>GET /api/article-categories</c>: every category, by position, then name.</summary>
public sealed record ListArticleCategories : IRequest<IReadOnlyList<ArticleCategoryDto>>;

public sealed class ListArticleCategoriesHandler(IArticleStore articles)
    : IRequestHandler<ListArticleCategories, IReadOnlyList<ArticleCategoryDto>>
{
    public async ValueTask<IReadOnlyList<ArticleCategoryDto>> Handle(
        ListArticleCategories request, CancellationToken cancellationToken) =>
        [.. (await articles.ListCategoriesAsync(cancellationToken)).Select(ArticleCategoryDto.From)];
}
