using Omnichannel.Core.Articles;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Knowledge-base articles and their categories (docs/knowledge.md). Ids are slugs. An article is saved only into a
/// category that exists, and a category is deleted only while no article is in it, each in one atomic write.
/// </summary>
public interface IArticleStore
{
    /// <summary>Every article, whatever its status: callers filter with <c>ArticleAccess</c>.</summary>
    Task<IReadOnlyList<Article>> ListAsync(CancellationToken cancellationToken = default);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the article, only while the stored one is still <paramref name="expected"/>.</summary>
    Task<ArticleWrite> SaveAsync(Article article, Article? expected, CancellationToken cancellationToken = default);

    /// <summary>Removes the article, only while the stored one is still <paramref name="expected"/>.</summary>
    Task<ArticleWrite> DeleteAsync(Article expected, CancellationToken cancellationToken = default);

    /// <summary>A number every article write moves (0: none yet): whoever keeps a copy knows when to read again.</summary>
    Task<long> VersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Every category, by position, then name.</summary>
    Task<IReadOnlyList<ArticleCategory>> ListCategoriesAsync(CancellationToken cancellationToken = default);

    Task<ArticleCategory?> GetCategoryAsync(string id, CancellationToken cancellationToken = default);

    Task SaveCategoryAsync(ArticleCategory category, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the category unless an article is in it (<see cref="ArticleWrite.CategoryInUse"/>); <see
    /// cref="ArticleWrite.Changed"/> when there was none.
    /// </summary>
    Task<ArticleWrite> DeleteCategoryAsync(string id, CancellationToken cancellationToken = default);
}
