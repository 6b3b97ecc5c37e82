using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class TokensAndAgentsTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_stops_working_when_deleted()
    {
        var admin = await _app.SignInAsAdminAsync();
        var created = await admin.PostAsJsonAsync("/api/tokens", new { name = "crm", scopes = new[] { "inbound" } });
        var token = (await created.Content.ReadFromJsonAsync<TokenBody>())!;
        var integration = _app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "hello");

        var listed = await admin.GetStringAsync("/api/tokens");
        var deleted = await admin.DeleteAsync($"/api/tokens/{token.Id}");
        var afterDelete = await integration.PostAsJsonAsync("/api/inbound", new { sourceId = "s2", contact = new { identifier = "cust-1" }, text = "again" });

        Assert.Contains(token.Id, listed);
        Assert.DoesNotContain(token.Token, listed);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/tokens/{token.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_scope_is_rejected_with_the_field_named()
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PostAsJsonAsync("/api/tokens", new { name = "crm", scopes = new[] { "everything" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scopes", (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!.Keys);
    }

    [Fact]
    public async Task Only_admins_manage_tokens_and_agents()
    {
        var admin = await _app.SignInAsAdminAsync();
        await _app.CreateAgentAsync(admin, "lead@example.test", role: "lead");
        var lead = await _app.SignInAsync("lead@example.test", InboxApp.AgentPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "inbound" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/agents", new { email = "x@example.test", name = "x", password = "long-enough-pw" })).StatusCode);
    }

    [Fact]
    public async Task An_api_token_cannot_act_as_an_admin()
    {
        var admin = await _app.SignInAsAdminAsync();
        var integration = await _app.TokenClientAsync(admin, "inbound", "conversations:read");

        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "inbound" } })).StatusCode);
    }

    [Fact]
    public async Task Agents_are_created_listed_and_updated_and_emails_are_unique_in_any_case()
    {
        var admin = await _app.SignInAsAdminAsync();
        var unknownQueue = await admin.PostAsJsonAsync("/api/agents", new { email = "dee@example.test", name = "Dee", password = InboxApp.AgentPassword, queues = new[] { "billing" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownQueue.StatusCode);
        (await admin.PutAsJsonAsync("/api/queues/billing", new { name = "Billing" })).EnsureSuccessStatusCode();
        var id = await _app.CreateAgentAsync(admin, "Cy@Example.test", queues: ["billing"]);

        var duplicate = await admin.PostAsJsonAsync("/api/agents", new { email = "cy@example.TEST", name = "Cy", password = "long-enough-pw" });
        var updated = await admin.PutAsJsonAsync($"/api/agents/{id}", new { name = "Cy Young", capacity = 12 });
        var list = await admin.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/agents");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var cy = Assert.Single(list!, a => a["id"].ToString() == id);
        Assert.Equal("cy@example.test", cy["email"].ToString());
        Assert.Equal("Cy Young", cy["name"].ToString());
        Assert.Equal("12", cy["capacity"].ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/agents/nope", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_weak_password_or_bad_capacity_is_a_validation_problem()
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PostAsJsonAsync("/api/agents", new { email = "dee@example.test", name = "Dee", password = "short", capacity = -1 });
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", problem!.Errors!.Keys);
        Assert.Contains("capacity", problem.Errors.Keys);
    }
}
