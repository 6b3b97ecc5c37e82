using Mediator;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Features.Articles;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// <c>GET /api/help/articles?q=</c> (no sign-in): published articles only. Without <c>q</c>, all of them by title;
/// with it, those containing every word of it (ignoring case) in the title or the text, title matches first.
/// </summary>
public sealed record SearchHelpArticles(string? Q) : IRequest<HelpArticleListDto>, IValidatable
{
    public const int SnippetLength = 180;

    public IEnumerable<ValidationError> Validate() => HelpSearch.Validate(Q);
}

public sealed class SearchHelpArticlesHandler(PublishedArticles published)
    : IRequestHandler<SearchHelpArticles, HelpArticleListDto>
{
    public async ValueTask<HelpArticleListDto> Handle(SearchHelpArticles request, CancellationToken cancellationToken)
    {
        var words = HelpSearch.Words(request.Q);
        var hits = (await published.ListAsync(cancellationToken))
            .Select(a => (Article: a, Text: ArticleRenderer.ToPlainText(a.Markdown)))
            .Select(a => (a.Article, a.Text, Score: HelpSearch.Score(words, a.Article.Title, a.Text)))
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Article.Title, StringComparer.OrdinalIgnoreCase);
        return new([.. hits.Select(h => ToDto(h.Article, h.Text))]);
    }

    private static HelpArticleDto ToDto(Article article, string text) => new(
        article.Id, article.Title, article.CategoryId, HelpSearch.Snippet(text, SearchHelpArticles.SnippetLength),
        "/help/" + article.Id, article.UpdatedAt);
}
