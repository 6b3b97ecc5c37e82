using Mediator;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// <c>GET /help?q=</c> (no sign-in): the categories with their published articles; with <c>q</c>, the published
/// articles that match it (as <c>GET /api/help/articles</c>).
/// </summary>
public sealed record GetHelpCenter(string? Q) : IRequest<HelpCenterPage>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => HelpSearch.Validate(Q);
}

/// <summary>
/// What the help center's front page shows: each category that has published articles, in order, with them; or the
/// hits of a search.
/// </summary>
public sealed record HelpCenterPage(
    string? Query,
    IReadOnlyList<(ArticleCategory Category, IReadOnlyList<Article> Articles)> Sections,
    IReadOnlyList<HelpArticleDto> Hits);

public sealed class GetHelpCenterHandler(PublishedArticles published, IMediator mediator)
    : IRequestHandler<GetHelpCenter, HelpCenterPage>
{
    public async ValueTask<HelpCenterPage> Handle(GetHelpCenter request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var hits = await mediator.Send(new SearchHelpArticles(request.Q), cancellationToken);
            return new(request.Q, [], hits.Items);
        }

        var articles = (await published.ListAsync(cancellationToken)).ToLookup(a => a.CategoryId, StringComparer.Ordinal);
        var sections = (await published.CategoriesAsync(cancellationToken))
            .Where(c => articles[c.Id].Any())
            .Select(c => (c, (IReadOnlyList<Article>)[.. articles[c.Id]]))
            .ToList();
        return new(null, sections, []);
    }
}
