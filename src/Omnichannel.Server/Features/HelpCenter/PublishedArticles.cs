using Omnichannel.Core.Access;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// What the public may read of the knowledge base: published articles only (<see cref="ArticleAccess.IsPublic"/>),
/// whatever route asks. Drafts and internal articles are not found here, as if they did not exist.
/// </summary>
public sealed class PublishedArticles(IArticleStore articles)
{
    public async Task<IReadOnlyList<Article>> ListAsync(CancellationToken ct) =>
        [.. (await articles.ListAsync(ct)).Where(ArticleAccess.IsPublic)];

    public async Task<Article?> GetAsync(string id, CancellationToken ct) =>
        Slugs.IsValid(id) && await articles.GetAsync(id, ct) is { } article && ArticleAccess.IsPublic(article)
            ? article
            : null;

    public Task<IReadOnlyList<ArticleCategory>> CategoriesAsync(CancellationToken ct) =>
        articles.ListCategoriesAsync(ct);
}
