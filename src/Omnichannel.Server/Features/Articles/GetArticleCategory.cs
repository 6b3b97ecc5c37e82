using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Articles;

/// <summary><c>GET /api/article-categories/{id}</c>.</summary>
public sealed record GetArticleCategory(string Id) : IRequest<Outcome<ArticleCategoryDto>>;

public sealed class GetArticleCategoryHandler(IArticleStore articles)
    : IRequestHandler<GetArticleCategory, Outcome<ArticleCategoryDto>>
{
    public async ValueTask<Outcome<ArticleCategoryDto>> Handle(
        GetArticleCategory request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await articles.GetCategoryAsync(request.Id, cancellationToken) is { } category
            ? Outcome<ArticleCategoryDto>.Found(ArticleCategoryDto.From(category))
            : Outcome<ArticleCategoryDto>.NotFound;
}
