using Omnichannel.Core.Articles;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Articles and categories in the store: an article only into a category that exists, a category deleted only while
/// empty, each article write a compare-and-set on the version the caller decided on, and the checker knowing the keys.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ArticleStoreTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_article_reads_back_as_saved_is_listed_and_the_checker_finds_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var articles = new RedisArticleStore(store.Connection);
        await articles.SaveCategoryAsync(new("vpn", "VPN", 2, T0));
        await articles.SaveCategoryAsync(new("billing", "Billing", 1, T0));
        var article = Article("drops", "vpn");

        Assert.Equal(ArticleWrite.Done, await articles.SaveAsync(article, null));
        Assert.Equal(ArticleWrite.Done, await articles.SaveAsync(Article("refunds", "billing"), null));

        Assert.Equal(article, await articles.GetAsync("drops"));
        Assert.Equal(["drops", "refunds"], (await articles.ListAsync()).Select(a => a.Id).Order());
        Assert.Equal(["billing", "vpn"], (await articles.ListCategoriesAsync()).Select(c => c.Id));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_article_goes_only_into_a_category_that_exists_and_a_category_is_deleted_only_when_empty(
        string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var articles = new RedisArticleStore(store.Connection);
        await articles.SaveCategoryAsync(new("vpn", "VPN", 0, T0));
        await articles.SaveCategoryAsync(new("billing", "Billing", 0, T0));

        Assert.Equal(ArticleWrite.NoCategory, await articles.SaveAsync(Article("a", "nope"), null));
        Assert.Null(await articles.GetAsync("a"));

        var first = Article("a", "vpn");
        await articles.SaveAsync(first, null);
        await articles.SaveAsync(Article("b", "vpn"), null);
        Assert.Equal(ArticleWrite.CategoryInUse, await articles.DeleteCategoryAsync("vpn"));

        // Moving one article and deleting the other empties the category.
        var moved = first with { CategoryId = "billing", UpdatedAt = T0.AddMinutes(1) };
        Assert.Equal(ArticleWrite.Done, await articles.SaveAsync(moved, first));
        Assert.Equal(ArticleWrite.CategoryInUse, await articles.DeleteCategoryAsync("vpn"));
        Assert.Equal(ArticleWrite.Done, await articles.DeleteAsync((await articles.GetAsync("b"))!));
        Assert.Equal(ArticleWrite.Done, await articles.DeleteCategoryAsync("vpn"));
        Assert.Equal(ArticleWrite.Changed, await articles.DeleteCategoryAsync("vpn"));
        Assert.Equal(ArticleWrite.CategoryInUse, await articles.DeleteCategoryAsync("billing"));

        Assert.Equal(["billing"], (await articles.ListCategoriesAsync()).Select(c => c.Id));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_write_decided_on_a_version_that_changed_writes_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var articles = new RedisArticleStore(store.Connection);
        await articles.SaveCategoryAsync(new("vpn", "VPN", 0, T0));
        var article = Article("x", "vpn");
        await articles.SaveAsync(article, null);

        Assert.Equal(ArticleWrite.Changed, await articles.SaveAsync(article with { Title = "Other" }, null));
        Assert.Equal(ArticleWrite.Changed, await articles.SaveAsync(article with { Title = "New" }, article with { Title = "Old" }));
        Assert.Equal(ArticleWrite.Changed, await articles.DeleteAsync(article with { UpdatedAt = T0.AddDays(1) }));

        Assert.Equal(article, await articles.GetAsync("x"));
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_wrong_category_count_and_an_article_without_its_category_are_found_by_the_checker(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var articles = new RedisArticleStore(store.Connection);
        await articles.SaveCategoryAsync(new("vpn", "VPN", 0, T0));
        await articles.SaveAsync(Article("a", "vpn"), null);

        await store.Db.HashSetAsync(store.Keys.ArticleCategorySizes, "vpn", 0);
        await store.Db.KeyDeleteAsync(store.Keys.ArticleCategory("vpn"));
        await store.Db.SetRemoveAsync(store.Keys.ArticleCategories, "vpn");

        Assert.Equal(
            [("article-category-missing", "article:a"), ("article-category-size", "article-category-sizes")],
            (await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings.Select(f => (f.Kind, f.Key)).Order());
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_malformed_id_reaches_no_key(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var articles = new RedisArticleStore(store.Connection);

        Assert.Null(await articles.GetAsync("x:y"));
        Assert.Null(await articles.GetCategoryAsync("../x"));
        await Assert.ThrowsAsync<ArgumentException>(() => articles.SaveAsync(Article("../x", "vpn"), null));
        await Assert.ThrowsAsync<ArgumentException>(() => articles.SaveAsync(Article("x", "a:b"), null));
        await Assert.ThrowsAsync<ArgumentException>(() => articles.DeleteCategoryAsync("a:b"));
    }

    private static Article Article(string id, string category) =>
        new(id, "Title " + id, "# Heading\n\nText of " + id, category, ArticleStatus.Published, T0);
}
