using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Articles;

/// <summary><c>GET /api/articles/{id}</c>: any article, whatever its status, with its rendered HTML.</summary>
public sealed record GetArticle(string Id) : IRequest<Outcome<ArticleDto>>;

public sealed class GetArticleHandler(IArticleStore articles) : IRequestHandler<GetArticle, Outcome<ArticleDto>>
{
    public async ValueTask<Outcome<ArticleDto>> Handle(GetArticle request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await articles.GetAsync(request.Id, cancellationToken) is { } article
            ? Outcome<ArticleDto>.Found(ArticleDto.From(article))
            : Outcome<ArticleDto>.NotFound;
}
