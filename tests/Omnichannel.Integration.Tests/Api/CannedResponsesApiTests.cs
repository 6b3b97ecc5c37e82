using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>The pinned canned response routes (issue 13, docs/knowledge.md): personal and shared, who may do what.</summary>
[Collection(StoreCollection.Name)]
public sealed class CannedResponsesApiTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;
    private HttpClient _ana = null!;
    private HttpClient _bo = null!;
    private string _anaId = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignInAsAdminAsync();
        _anaId = await _app.CreateAgentAsync(_admin, "ana@example.test");
        await _app.CreateAgentAsync(_admin, "bo@example.test");
        _ana = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        _bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_personal_response_is_its_owners_alone()
    {
        var created = await _ana.PutAsJsonAsync("/api/canned-responses/ana-reset", new { shortCode = "reset", title = "Password reset", text = "Hi {{contact.name}}" });
        var read = await _ana.GetStringAsync("/api/canned-responses/ana-reset");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/canned-responses/ana-reset", created.Headers.Location?.OriginalString);
        using var json = JsonDocument.Parse(read);
        Assert.Equal(("personal", _anaId), (json.RootElement.GetProperty("visibility").GetString(), json.RootElement.GetProperty("ownerAgentId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _bo.GetAsync("/api/canned-responses/ana-reset")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/canned-responses/ana-reset")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bo.PutAsJsonAsync("/api/canned-responses/ana-reset", new { shortCode = "mine", text = "taken over" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bo.DeleteAsync("/api/canned-responses/ana-reset")).StatusCode);
        Assert.Empty((await _bo.GetFromJsonAsync<List<JsonElement>>("/api/canned-responses"))!);

        var again = await _ana.PutAsync("/api/canned-responses/ana-reset", new StringContent(read, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _ana.DeleteAsync("/api/canned-responses/ana-reset")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync("/api/canned-responses/ana-reset")).StatusCode);
    }

    [Fact]
    public async Task Shared_responses_are_everyones_to_use_and_leads_to_write()
    {
        var shared = new { shortCode = "greeting", title = "Greeting", text = "Hello {{contact.name}}", visibility = "shared" };

        var byAgent = await _ana.PutAsJsonAsync("/api/canned-responses/greeting", shared);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/canned-responses/greeting")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _admin.PutAsJsonAsync("/api/canned-responses/greeting", shared)).StatusCode);
        Assert.Equal("greeting", (await _bo.GetFromJsonAsync<JsonElement>("/api/canned-responses/greeting")).GetProperty("shortCode").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.PutAsJsonAsync("/api/canned-responses/greeting", shared with { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.PutAsJsonAsync("/api/canned-responses/greeting", new { shortCode = "greeting", text = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.DeleteAsync("/api/canned-responses/greeting")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/canned-responses/greeting")).StatusCode);
    }

    [Fact]
    public async Task The_list_holds_the_shared_ones_and_the_callers_own_and_searches_code_and_title()
    {
        await PutAsync(_admin, "greeting", new { shortCode = "greeting", title = "Hello there", text = "Hello", visibility = "shared" });
        await PutAsync(_admin, "refund", new { shortCode = "refund", title = "Refund policy", text = "Refunds take 5 days", visibility = "shared" });
        await PutAsync(_ana, "ana-gr", new { shortCode = "gr", text = "Hi, Ana here" });
        await PutAsync(_bo, "bo-gr", new { shortCode = "gr", text = "Hi, Bo here" });

        Assert.Equal(["ana-gr", "greeting", "refund"], await IdsAsync(_ana, ""));
        Assert.Equal(["ana-gr", "greeting"], await IdsAsync(_ana, "?search=GR"));
        Assert.Equal(["refund"], await IdsAsync(_ana, "?search=policy"));
        Assert.Equal(["bo-gr", "greeting"], await IdsAsync(_bo, "?search=/gr"));
    }

    [Fact]
    public async Task A_short_code_used_in_the_same_scope_is_a_conflict_and_nothing_is_stored()
    {
        await PutAsync(_ana, "one", new { shortCode = "reset", text = "one" });

        var taken = await _ana.PutAsJsonAsync("/api/canned-responses/two", new { shortCode = "Reset", text = "two" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("The short code is taken.", (await taken.Content.ReadFromJsonAsync<ProblemBody>())!.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync("/api/canned-responses/two")).StatusCode);
        await PutAsync(_bo, "bos", new { shortCode = "reset", text = "Bo's own" });
    }

    [Fact]
    public async Task A_bad_response_is_refused_naming_every_field_and_nothing_is_stored()
    {
        var bad = await _ana.PutAsJsonAsync("/api/canned-responses/Bad:Id", new { shortCode = "two words", title = "t", text = new string('x', 4_001), visibility = "public" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Equal(["id", "shortCode", "text", "visibility"], problem!.Errors!.Keys.Order());
        Assert.Empty((await _ana.GetFromJsonAsync<List<JsonElement>>("/api/canned-responses"))!);
    }

    private static async Task PutAsync(HttpClient who, string id, object body) =>
        Assert.Equal(HttpStatusCode.Created, (await who.PutAsJsonAsync($"/api/canned-responses/{id}", body)).StatusCode);

    private static async Task<List<string>> IdsAsync(HttpClient who, string query) =>
        [.. (await who.GetFromJsonAsync<List<JsonElement>>("/api/canned-responses" + query))!.Select(r => r.GetProperty("id").GetString()!).Order()];
}
