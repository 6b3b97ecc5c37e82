using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// The public help center (docs/knowledge.md): no sign-in, published articles only; drafts and internal ones are
/// not found there, in the pages and in the widget's JSON search alike.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class HelpCenterTests(StoreServers servers)
{
    [Fact]
    public async Task The_help_center_shows_published_articles_only_and_escapes_their_titles()
    {
        await using var app = InboxApp.On(servers);
        var (_, lead, _) = await ArticlesApiTests.SignInAsync(app);
        await lead.PutAsJsonAsync("/api/article-categories/billing", new { name = "Billing & <Payments>", position = 1 });
        await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN", position = 0 });
        await ArticlesApiTests.PutAsync(lead, "refunds", new { title = "Refunds <fast>", markdown = "Refunds take **5 days**.", category = "billing", status = "published" });
        await ArticlesApiTests.PutAsync(lead, "vpn-runbook", new { title = "VPN runbook", markdown = "Internal: check the tunnel.", category = "vpn", status = "internal" });
        await ArticlesApiTests.PutAsync(lead, "vpn-draft", new { title = "VPN draft", markdown = "Not ready.", category = "vpn", status = "draft" });
        var anonymous = app.CreateClient();

        var index = await anonymous.GetAsync("/help");
        var html = await index.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"/help/refunds\">Refunds &lt;fast&gt;</a>", html, StringComparison.Ordinal);
        Assert.Contains("Billing &amp; &lt;Payments&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("VPN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var article = await anonymous.GetStringAsync("/help/refunds");
        Assert.Contains("<strong>5 days</strong>", article, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/help/vpn-runbook")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/help/vpn-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/help/no:such")).StatusCode);
    }

    [Fact]
    public async Task The_public_search_finds_published_articles_and_never_a_draft_or_internal_one()
    {
        await using var app = InboxApp.On(servers);
        var (_, lead, _) = await ArticlesApiTests.SignInAsync(app);
        await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN" });
        await ArticlesApiTests.PutAsync(lead, "vpn-setup", new { title = "Setting up the VPN", markdown = "Install the client, then sign in.", category = "vpn", status = "published" });
        await ArticlesApiTests.PutAsync(lead, "vpn-mtu", new { title = "MTU", markdown = "When the VPN drops, lower the MTU.", category = "vpn", status = "published" });
        await ArticlesApiTests.PutAsync(lead, "vpn-runbook", new { title = "VPN runbook", markdown = "Internal only.", category = "vpn", status = "internal" });
        await ArticlesApiTests.PutAsync(lead, "vpn-draft", new { title = "VPN draft", markdown = "Not ready.", category = "vpn", status = "draft" });
        var anonymous = app.CreateClient();

        var hits = await anonymous.GetFromJsonAsync<JsonElement>("/api/help/articles?q=vpn");
        Assert.Equal(["vpn-setup", "vpn-mtu"], Ids(hits));
        Assert.Equal("/help/vpn-mtu", hits.GetProperty("items")[1].GetProperty("url").GetString());
        Assert.Equal(["vpn-mtu"], Ids(await anonymous.GetFromJsonAsync<JsonElement>("/api/help/articles?q=VPN%20drops")));
        Assert.Empty(Ids(await anonymous.GetFromJsonAsync<JsonElement>("/api/help/articles?q=ready")));
        Assert.Equal(["vpn-mtu", "vpn-setup"], Ids(await anonymous.GetFromJsonAsync<JsonElement>("/api/help/articles")));

        var page = await anonymous.GetStringAsync("/help?q=drops");
        Assert.Contains("/help/vpn-mtu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/help/vpn-setup", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/help/articles?q=" + new string('x', 201))).StatusCode);
    }

    private static List<string> Ids(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
}
