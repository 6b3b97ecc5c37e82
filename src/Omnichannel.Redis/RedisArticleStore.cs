using System.Text.Json;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Knowledge-base articles and categories. Keys (prefix <c>oc:{ws}:</c>): <c>article:{id}</c> string, the article as
/// JSON (<see cref="StoredArticle"/>); <c>articles</c> set of ids; <c>article-category:{id}</c> string, a category as
/// JSON (<see cref="StoredArticleCategory"/>); <c>article-categories</c> set of ids; <c>article-category-sizes</c>
/// hash, category id → its number of articles; <c>article-version</c> string, a counter every article write moves. An article, its listing and its category's count are written together
/// (article_save.lua, article_delete.lua, each a compare-and-set on the JSON the caller read); a category is deleted
/// only while its count is zero (article_category_delete.lua), so no article points at a category that is gone.
/// </summary>
public sealed class RedisArticleStore(RedisConnection connection) : IArticleStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<Article>> ListAsync(CancellationToken cancellationToken = default)
    {
        var values = await ReadAllAsync(_keys.Articles, _keys.Article);
        return [.. values.Select(ReadArticle)
            .OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(id))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.Article(id));
        return json.IsNull ? null : ReadArticle(json);
    }

    public async Task<ArticleWrite> SaveAsync(
        Article article, Article? expected, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ArticleSave, SaveCall(article, expected));
        return ToWrite(result);
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SaveCall(Article article, Article? expected)
    {
        Check(article.Id);
        Check(article.CategoryId);
        return connection.JournaledCall(
        [
            _keys.Article(article.Id), _keys.Articles, _keys.ArticleCategory(article.CategoryId),
            _keys.ArticleCategorySizes, Write(article), article.Id, expected is null ? "" : Write(expected),
            article.CategoryId, expected?.CategoryId ?? "", _keys.ArticleVersion,
        ]);
    }

    public async Task<ArticleWrite> DeleteAsync(Article expected, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ArticleDelete, DeleteCall(expected));
        return ToWrite(result);
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DeleteCall(Article expected)
    {
        Check(expected.Id);
        return connection.JournaledCall(
        [
            _keys.Article(expected.Id), _keys.Articles, _keys.ArticleCategorySizes, expected.Id, Write(expected),
            expected.CategoryId, _keys.ArticleVersion,
        ]);
    }

    public async Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return (long?)await db.StringGetAsync(_keys.ArticleVersion) ?? 0;
    }

    public async Task<IReadOnlyList<ArticleCategory>> ListCategoriesAsync(CancellationToken cancellationToken = default)
    {
        var values = await ReadAllAsync(_keys.ArticleCategories, _keys.ArticleCategory);
        return [.. values.Select(ReadCategory).OrderBy(c => c.Position)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<ArticleCategory?> GetCategoryAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(id))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.ArticleCategory(id));
        return json.IsNull ? null : ReadCategory(json);
    }

    public async Task SaveCategoryAsync(ArticleCategory category, CancellationToken cancellationToken = default)
    {
        Check(category.Id);
        var json = JsonSerializer.Serialize(
            new StoredArticleCategory(
                category.Id, category.Name, category.Position, category.UpdatedAt.ToUnixTimeMilliseconds()),
            StoreJsonContext.Default.StoredArticleCategory);
        await connection.EvaluateJournaledAsync(LuaScripts.ArticleCategorySave, connection.JournaledCall(
            [_keys.ArticleCategory(category.Id), _keys.ArticleCategories, json, category.Id]));
    }

    public async Task<ArticleWrite> DeleteCategoryAsync(string id, CancellationToken cancellationToken = default)
    {
        Check(id);
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ArticleCategoryDelete, connection.JournaledCall(
            [_keys.ArticleCategory(id), _keys.ArticleCategories, _keys.ArticleCategorySizes, id]));
        return ToWrite(result);
    }

    private async Task<RedisValue[]> ReadAllAsync(string set, Func<string, string> key)
    {
        var db = await connection.DatabaseAsync();
        var ids = (await db.SetMembersAsync(set)).Select(id => (string)id!).Where(Slugs.IsValid).ToList();
        var values = ids.Count == 0 ? [] : await db.StringGetAsync([.. ids.Select(id => (RedisKey)key(id))]);
        return [.. values.Where(v => !v.IsNull)];
    }

    private static void Check(string id)
    {
        if (!Slugs.IsValid(id))
        {
            throw new ArgumentException($"'{id}' is no article or category id: {Slugs.Rule}", nameof(id));
        }
    }

    private static ArticleWrite ToWrite(RedisResult result) => (string?)result switch
    {
        "done" => ArticleWrite.Done,
        "no-category" => ArticleWrite.NoCategory,
        "in-use" => ArticleWrite.CategoryInUse,
        _ => ArticleWrite.Changed,
    };

    // The JSON is the compare-and-set's token: a version read and written back serializes to the same string.
    private static string Write(Article article) => JsonSerializer.Serialize(
        new StoredArticle(article.Id, article.Title, article.Markdown, article.CategoryId,
            ArticleStatuses.Name(article.Status), article.UpdatedAt.ToUnixTimeMilliseconds()),
        StoreJsonContext.Default.StoredArticle);

    private static Article ReadArticle(RedisValue json)
    {
        var stored = JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.StoredArticle)
            ?? throw new InvalidDataException("A stored article is JSON null.");
        var status = ArticleStatuses.Parse(stored.Status)
            ?? throw new InvalidDataException($"Stored article '{stored.Id}' has no known status.");
        return new(stored.Id, stored.Title, stored.Markdown, stored.CategoryId, status,
            DateTimeOffset.FromUnixTimeMilliseconds(stored.UpdatedAt));
    }

    private static ArticleCategory ReadCategory(RedisValue json)
    {
        var stored = JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.StoredArticleCategory)
            ?? throw new InvalidDataException("A stored article category is JSON null.");
        return new(stored.Id, stored.Name, stored.Position, DateTimeOffset.FromUnixTimeMilliseconds(stored.UpdatedAt));
    }
}
