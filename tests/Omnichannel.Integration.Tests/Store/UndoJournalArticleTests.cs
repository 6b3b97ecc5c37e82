using Omnichannel.Core.Articles;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal for the knowledge base: an article created, moved to another category and deleted, each stopped
/// after every one of its writes, comes back as it was (the category counts with it), and the checker agrees.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalArticleTests(JournalStoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_article_write_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenAsync(servers, backend, undoJournal: true);
        var articles = new RedisArticleStore(store.Connection);
        await articles.SaveCategoryAsync(new("vpn", "VPN", 0, T0));
        await articles.SaveCategoryAsync(new("billing", "Billing", 1, T0));
        await articles.SaveAsync(new("other", "Other", "Text", "vpn", ArticleStatus.Draft, T0), null);
        var article = new Article("a", "Title", "# Text", "vpn", ArticleStatus.Published, T0);

        Assert.True(await InterruptEveryWayAsync(store, LuaScripts.ArticleSave, articles.SaveCall(article, null)) > 1);
        var moved = article with { CategoryId = "billing", UpdatedAt = T0.AddMinutes(1) };
        Assert.True(await InterruptEveryWayAsync(store, LuaScripts.ArticleSave, articles.SaveCall(moved, article)) > 1);
        Assert.True(await InterruptEveryWayAsync(store, LuaScripts.ArticleDelete, articles.DeleteCall(moved)) > 1);

        Assert.Null(await articles.GetAsync("a"));
        Assert.Equal(ArticleWrite.Done, await articles.DeleteCategoryAsync("billing"));
    }
}
