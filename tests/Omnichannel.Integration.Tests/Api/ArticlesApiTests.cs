using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// The knowledge base's routes (issue 13, docs/knowledge.md): agents read every article, leads and admins write, bad
/// input is a 400 naming the field, and no Markdown gets raw HTML or script through. Both stores.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ArticlesApiTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_lead_writes_articles_in_categories_and_every_agent_reads_them_whatever_their_status(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (admin, lead, agent) = await SignInAsync(app);

        Assert.Equal(HttpStatusCode.Created, (await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN", position = 1 })).StatusCode);
        var created = await lead.PutAsJsonAsync("/api/articles/vpn-drops", new { title = "VPN drops", markdown = "Check **the MTU**.", category = "vpn", status = "internal" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/articles/vpn-drops", created.Headers.Location?.OriginalString);
        await PutAsync(admin, "draft-one", new { title = "Not yet", markdown = "Soon", category = "vpn", status = "draft" });

        var read = await agent.GetFromJsonAsync<JsonElement>("/api/articles/vpn-drops");
        Assert.Equal("Check **the MTU**.", read.GetProperty("markdown").GetString());
        Assert.Equal("<p>Check <strong>the MTU</strong>.</p>", read.GetProperty("html").GetString());
        Assert.Equal(("vpn", "internal"), (read.GetProperty("category").GetString(), read.GetProperty("status").GetString()));
        Assert.Equal(["draft-one", "vpn-drops"], await IdsAsync(agent, ""));
        Assert.Equal(["draft-one"], await IdsAsync(agent, "?status=draft"));
        Assert.Equal(["draft-one", "vpn-drops"], await IdsAsync(agent, "?category=vpn"));
        Assert.Empty(await IdsAsync(agent, "?category=other"));
        Assert.Equal("VPN", (await agent.GetFromJsonAsync<JsonElement>("/api/article-categories/vpn")).GetProperty("name").GetString());

        // The pinned name of the text, "body", is taken too; a GET answer goes back to PUT unchanged.
        Assert.Equal(HttpStatusCode.OK, (await lead.PutAsJsonAsync("/api/articles/draft-one", new { title = "Now", body = "Text", category = "vpn", status = "published" })).StatusCode);
        var again = await lead.PutAsync("/api/articles/vpn-drops", JsonContent.Create(read));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/articles/mine", new { title = "T", markdown = "M", category = "vpn", status = "draft" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/articles/vpn-drops")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/article-categories/x", new { name = "X" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await lead.DeleteAsync("/api/article-categories/vpn")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/articles/vpn-drops")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/articles/draft-one")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/articles/vpn-drops")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/article-categories/vpn")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.DeleteAsync("/api/article-categories/vpn")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_writes_nothing()
    {
        await using var app = InboxApp.On(servers);
        var (_, lead, _) = await SignInAsync(app);
        await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN" });

        Assert.Equal(["id"], await ProblemFieldsAsync(await lead.PutAsJsonAsync("/api/articles/Bad:Id", new { title = "T", markdown = "M", category = "vpn", status = "draft" })));
        Assert.Equal(["markdown", "status", "title"], await ProblemFieldsAsync(await lead.PutAsJsonAsync("/api/articles/a", new { title = " ", category = "vpn", status = "secret" })));
        Assert.Equal(["category"], await ProblemFieldsAsync(await lead.PutAsJsonAsync("/api/articles/a", new { title = "T", markdown = "M", category = "nope", status = "draft" })));
        Assert.Equal(["category"], await ProblemFieldsAsync(await lead.PutAsJsonAsync("/api/articles/a", new { title = "T", markdown = "M", category = "a:b", status = "draft" })));
        Assert.Equal(["name", "position"], await ProblemFieldsAsync(await lead.PutAsJsonAsync("/api/article-categories/c", new { name = "", position = -1 })));
        Assert.Equal(["status"], await ProblemFieldsAsync(await lead.GetAsync("/api/articles?status=secret")));

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/articles/a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/article-categories/c")).StatusCode);
    }

    [Fact]
    public async Task Hostile_markdown_renders_without_script_handlers_or_javascript_links()
    {
        await using var app = InboxApp.On(servers);
        var (_, lead, agent) = await SignInAsync(app);
        await lead.PutAsJsonAsync("/api/article-categories/vpn", new { name = "VPN" });
        const string hostile = """
            # Title <script>alert(1)</script>

            <img src=x onerror="alert(2)"> <a href="https://example.test" onclick="alert(3)">raw</a>

            [click](javascript:alert(4)) ![pic](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=)

            <iframe src="https://evil.test"></iframe><style>body{display:none}</style>

            | a | b |
            |---|---|
            | 1 | <b onmouseover=alert(6)>2</b> |

            Visit https://example.test/docs now.
            """;
        await PutAsync(lead, "hostile", new { title = "<script>alert(7)</script>", markdown = hostile, category = "vpn", status = "published" });

        var html = (await agent.GetFromJsonAsync<JsonElement>("/api/articles/hostile")).GetProperty("html").GetString()!;
        var whole = await app.CreateClient().GetStringAsync("/help/hostile");
        // The page's own style sheet is ours; the article is what was written.
        var page = whole[whole.IndexOf("<article>", StringComparison.Ordinal)..];

        // Raw HTML shows as text (escaped); what must never be there is a tag that runs or loads something.
        foreach (var shown in new[] { html, page })
        {
            Assert.DoesNotMatch(@"(?i)<\s*(script|iframe|style|img\s+src=x)", shown);
            Assert.DoesNotMatch(@"(?i)<[^>]*\son\w+\s*=", shown);
            Assert.DoesNotMatch(@"(?i)<[^>]*(javascript|data):", shown);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.test/docs\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(7)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    internal static async Task<(HttpClient Admin, HttpClient Lead, HttpClient Agent)> SignInAsync(InboxApp app)
    {
        var admin = await app.SignInAsAdminAsync();
        await app.CreateAgentAsync(admin, "lead@example.test", role: "lead");
        await app.CreateAgentAsync(admin, "ana@example.test");
        return (admin, await app.SignInAsync("lead@example.test", InboxApp.AgentPassword),
            await app.SignInAsync("ana@example.test", InboxApp.AgentPassword));
    }

    internal static async Task PutAsync(HttpClient client, string id, object article) =>
        (await client.PutAsJsonAsync("/api/articles/" + id, article)).EnsureSuccessStatusCode();

    private static async Task<List<string>> IdsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/articles" + query)).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!)];

    private static async Task<List<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }
}
