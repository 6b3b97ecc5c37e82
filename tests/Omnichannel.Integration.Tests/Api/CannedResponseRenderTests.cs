using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/conversations/{id}/canned-responses/{cannedId}/render</c>: variables from the store and the caller,
/// the conversation behind the one access rule.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class CannedResponseRenderTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;
    private HttpClient _integration = null!;
    private HttpClient _ana = null!;
    private HttpClient _bo = null!;
    private string _anaId = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignInAsAdminAsync();
        _integration = await _app.TokenClientAsync(_admin, "inbound");
        _anaId = await _app.CreateAgentAsync(_admin, "ana@example.test");
        await _app.CreateAgentAsync(_admin, "bo@example.test");
        _ana = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        _bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
        var greeting = new
        {
            shortCode = "greeting",
            text = "Hi {{contact.name}}, {{ agent.name }} here about {{conversation.id}}. {{contact.phone}}",
            visibility = "shared",
        };
        Assert.Equal(HttpStatusCode.Created, (await _admin.PutAsJsonAsync("/api/canned-responses/greeting", greeting)).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> AnasConversationAsync(string customer)
    {
        var ids = await InboxApp.PostInboundAsync(_integration, Guid.NewGuid().ToString("N"), customer, "help");
        var assigned = await _admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/assign", new { agentId = _anaId });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return ids.ConversationId;
    }

    [Fact]
    public async Task The_contacts_name_the_callers_name_and_the_conversation_fill_in_and_unknown_variables_stay()
    {
        var id = await AnasConversationAsync("Maria Lopez");

        var rendered = await _ana.GetFromJsonAsync<RenderedBody>($"/api/conversations/{id}/canned-responses/greeting/render");
        var byLead = await _admin.GetFromJsonAsync<RenderedBody>($"/api/conversations/{id}/canned-responses/greeting/render");

        Assert.Equal($"Hi Maria Lopez, ana here about {id}. {{{{contact.phone}}}}", rendered!.Text);
        Assert.StartsWith("Hi Maria Lopez, ", byLead!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ana here", byLead.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_the_caller_may_not_read_is_refused_as_everywhere_else()
    {
        var id = await AnasConversationAsync("Maria Lopez");

        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.GetAsync($"/api/conversations/{id}/canned-responses/greeting/render")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync("/api/conversations/c-unknown/canned-responses/greeting/render")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync("/api/conversations/a:b/canned-responses/greeting/render")).StatusCode);
    }

    [Fact]
    public async Task Another_agents_personal_response_is_not_found_and_ones_own_renders()
    {
        var id = await AnasConversationAsync("Maria Lopez");
        Assert.Equal(HttpStatusCode.Created, (await _bo.PutAsJsonAsync("/api/canned-responses/bos", new { shortCode = "bye", text = "Bye {{contact.name}}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _ana.PutAsJsonAsync("/api/canned-responses/anas", new { shortCode = "bye", text = "Ciao {{contact.name}}" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync($"/api/conversations/{id}/canned-responses/bos/render")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _ana.GetAsync($"/api/conversations/{id}/canned-responses/a:b/render")).StatusCode);
        Assert.Equal("Ciao Maria Lopez", (await _ana.GetFromJsonAsync<RenderedBody>($"/api/conversations/{id}/canned-responses/anas/render"))!.Text);
    }

    private sealed record RenderedBody(string Text);
}
