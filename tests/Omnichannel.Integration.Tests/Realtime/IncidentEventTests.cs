using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Realtime;

/// <summary>
/// Incidents on the agent hub (docs/sla.md, "Incidents"): every agent hears <c>IncidentUpdated</c>; a linked
/// conversation's <c>conversation.incident_linked</c> event goes only to those who may see the conversation.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class IncidentEventTests(StoreServers servers) : IAsyncLifetime
{
    private InboxApp _app = null!;
    private string _baseUrl = null!;

    public Task InitializeAsync()
    {
        _app = InboxApp.On(servers);
        _baseUrl = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_inboxes_hear_of_an_incident_and_of_a_link_only_for_a_conversation_they_may_see()
    {
        var admin = await _app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "other" })).EnsureSuccessStatusCode();
        await _app.CreateAgentAsync(admin, "cy@example.test", queues: ["default"]);
        await _app.CreateAgentAsync(admin, "bo@example.test", queues: ["other"]);
        await using var cy = await HubListener.SignInAsync(_baseUrl, "cy@example.test", InboxApp.AgentPassword);
        await using var bo = await HubListener.SignInAsync(_baseUrl, "bo@example.test", InboxApp.AgentPassword);
        var integration = await _app.TokenClientAsync(admin, "inbound");
        var conversation = (await InboxApp.PostInboundAsync(integration, "m1", "ana", "cannot log in", queue: "default")).ConversationId;

        var id = await IncidentsApiTests.CreateAsync(admin, "Login outage", null, null);
        await cy.WaitForIncidentAsync(i => i.IncidentId == id);
        await bo.WaitForIncidentAsync(i => i.IncidentId == id);

        (await admin.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { conversation } })).EnsureSuccessStatusCode();
        var linked = await cy.WaitForAsync(e => e.Type == "conversation.incident_linked");
        Assert.Equal((conversation, id), (linked.ConversationId, linked.Reason));

        // Pushes to one connection arrive in order: once a later event reached Bo, the link would have before it.
        var later = await InboxApp.PostInboundAsync(integration, "m2", "someone", "hello", queue: "other");
        await bo.WaitForAsync(e => e.ConversationId == later.ConversationId && e.Type == "message.created");
        Assert.DoesNotContain(bo.Events, e => e.Type == "conversation.incident_linked");
        Assert.Equal(2, bo.Incidents.Count(i => i.IncidentId == id));
    }
}
