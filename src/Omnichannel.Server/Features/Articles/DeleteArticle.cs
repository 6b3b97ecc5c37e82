using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Articles;

/// <summary><c>DELETE /api/articles/{id}</c> (leads and admins).</summary>
public sealed record DeleteArticle(string Id) : IRequest<Outcome<ArticleSummaryDto>>;

public sealed class DeleteArticleHandler(IArticleStore articles)
    : IRequestHandler<DeleteArticle, Outcome<ArticleSummaryDto>>
{
    public async ValueTask<Outcome<ArticleSummaryDto>> Handle(DeleteArticle request, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(request.Id) || await articles.GetAsync(request.Id, cancellationToken) is not { } existing)
        {
            return Outcome<ArticleSummaryDto>.NotFound;
        }

        return await articles.DeleteAsync(existing, cancellationToken) == ArticleWrite.Done
            ? Outcome<ArticleSummaryDto>.Found(ArticleSummaryDto.From(existing))
            : Outcome<ArticleSummaryDto>.Conflict(
                "The article changed meanwhile.", "Someone else saved or deleted it: read it again and retry.");
    }
}
