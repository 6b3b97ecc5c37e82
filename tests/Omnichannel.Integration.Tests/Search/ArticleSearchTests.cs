using System.Diagnostics;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Search;

/// <summary>
/// Knowledge-base articles in <c>GET /api/search</c> (docs/knowledge.md): agents find every article, internal and
/// drafts too; an integration finds published ones only; a deleted article leaves the results. Both stores.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ArticleSearchTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Agents_find_internal_and_draft_articles_and_an_integration_only_published_ones(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (admin, lead, agent) = await ArticlesApiTests.SignInAsync(app);
        var integration = await app.TokenClientAsync(admin, "conversations:read");
        await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN" });
        await ArticlesApiTests.PutAsync(lead, "vpn-runbook", new { title = "Tunnel runbook", markdown = "When the **tunnel** drops, check the MTU.", category = "vpn", status = "internal" });
        await ArticlesApiTests.PutAsync(lead, "vpn-draft", new { title = "Tunnel draft", markdown = "Not ready.", category = "vpn", status = "draft" });
        await ArticlesApiTests.PutAsync(lead, "vpn-setup", new { title = "Tunnel setup", markdown = "Install the client.", category = "vpn", status = "published" });

        await SearchClient.UntilFoundAsync(agent, "tunnel", "vpn-setup");
        var page = await SearchClient.PageAsync(agent, "tunnel");
        Assert.Equal(["vpn-draft", "vpn-runbook", "vpn-setup"], page.Items.Select(i => i.Id).Order());
        Assert.All(page.Items, i => Assert.Equal("article", i.Kind));
        var runbook = page.Items.Single(i => i.Id == "vpn-runbook");
        Assert.Equal("Tunnel runbook", runbook.Title);
        Assert.Contains("check the MTU", runbook.Snippet, StringComparison.Ordinal);
        Assert.Equal(["vpn-setup"], await SearchClient.IdsAsync(integration, "tunnel"));
        Assert.Empty(await SearchClient.IdsAsync(agent, "tunnel", "&status=open"));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/articles/vpn-runbook")).StatusCode);
        await UntilGoneAsync(agent, "mtu", "vpn-runbook");
    }

    private static async Task UntilGoneAsync(HttpClient client, string q, string id)
    {
        var clock = Stopwatch.StartNew();
        while ((await SearchClient.IdsAsync(client, q)).Contains(id))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"'{q}' still finds {id}.");
            await Task.Delay(10);
        }
    }
}
