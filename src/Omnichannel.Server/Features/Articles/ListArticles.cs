using Mediator;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// <c>GET /api/articles?category=&amp;status=</c>: every article (agents read drafts and internal ones too), by title;
/// <c>category</c> and <c>status</c> keep those of one category or one status.
/// </summary>
public sealed record ListArticles(string? Category, string? Status) : IRequest<ArticleListDto>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Category is not null && !Slugs.IsValid(Category))
        {
            yield return new("category", Slugs.Rule);
        }

        if (Status is not null && ArticleStatuses.Parse(Status) is null)
        {
            yield return new("status", ArticleStatuses.Rule);
        }
    }
}

public sealed class ListArticlesHandler(IArticleStore articles) : IRequestHandler<ListArticles, ArticleListDto>
{
    public async ValueTask<ArticleListDto> Handle(ListArticles request, CancellationToken cancellationToken)
    {
        var status = ArticleStatuses.Parse(request.Status);
        return new([.. (await articles.ListAsync(cancellationToken))
            .Where(a => request.Category is null || a.CategoryId == request.Category)
            .Where(a => status is null || a.Status == status)
            .Select(ArticleSummaryDto.From)]);
    }
}
