using Mediator;
using Omnichannel.Core.Articles;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// <c>GET /help/{id}</c> (no sign-in): a published article with its category; drafts and internal articles are not
/// found, as if they did not exist.
/// </summary>
public sealed record GetHelpArticle(string Id) : IRequest<HelpArticlePage?>;

/// <summary>A published article and the category it is filed under (null if it could not be read).</summary>
public sealed record HelpArticlePage(Article Article, ArticleCategory? Category);

public sealed class GetHelpArticleHandler(PublishedArticles published) : IRequestHandler<GetHelpArticle, HelpArticlePage?>
{
    public async ValueTask<HelpArticlePage?> Handle(GetHelpArticle request, CancellationToken cancellationToken)
    {
        if (await published.GetAsync(request.Id, cancellationToken) is not { } article)
        {
            return null;
        }

        var categories = await published.CategoriesAsync(cancellationToken);
        return new(article, categories.FirstOrDefault(c => c.Id == article.CategoryId));
    }
}
