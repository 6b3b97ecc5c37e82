using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Integration.Tests.Realtime;

/// <summary>
/// Open hub connections follow the principal's current rights: a revoked credential is closed within a second,
/// a narrowed one hears and resumes only what it may see now, and every connection gets each event once.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class LiveAccessTests(StoreServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Revocation = TimeSpan.FromSeconds(1);

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
    public async Task A_deleted_token_closes_its_open_connection_within_a_second()
    {
        var (_, _, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var admin = await _app.SignInAsAdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/tokens", new { name = "crm", scopes = new[] { "conversations:read" } }))
            .Content.ReadFromJsonAsync<TokenBody>();
        await using var crm = await HubListener.WithTokenAsync(_baseUrl, created!.Token);
        var first = await InboxApp.PostInboundAsync(integration, "t1", "cust-1", "before");
        await crm.WaitForAsync(e => e.ConversationId == first.ConversationId && e.Type == "message.created");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{created.Id}")).StatusCode);
        var deleted = DateTime.UtcNow;

        var closedAt = await crm.Closed.WaitAsync(HubListener.Wait);
        Assert.True(closedAt - deleted < Revocation, $"closed {closedAt - deleted} after the token was deleted");
        var after = await InboxApp.PostInboundAsync(integration, "t2", "cust-2", "after the revocation");
        Assert.DoesNotContain(crm.Events, e => e.ConversationId == after.ConversationId);
        var again = await Assert.ThrowsAsync<HttpRequestException>(
            () => HubListener.WithTokenAsync(_baseUrl, created.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task A_lead_demoted_with_a_new_password_is_closed_within_a_second()
    {
        var (lead, _, _, _) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var leadId = (await lead.GetFromJsonAsync<IdBody>("/api/auth/me"))!.Id;
        await using var leadHub = await HubListener.SignInAsync(_baseUrl, "lead@example.test", InboxApp.AgentPassword);
        var admin = await _app.SignInAsAdminAsync();

        var demote = await admin.PutAsJsonAsync($"/api/agents/{leadId}", new { role = "agent", password = "another-password-2" });
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        var changed = DateTime.UtcNow;

        var closedAt = await leadHub.Closed.WaitAsync(HubListener.Wait);
        Assert.True(closedAt - changed < Revocation, $"closed {closedAt - changed} after the password change");
    }

    [Fact]
    public async Task A_demoted_lead_is_closed_and_signed_in_again_hears_only_their_own()
    {
        var (lead, ids, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var leadId = (await lead.GetFromJsonAsync<IdBody>("/api/auth/me"))!.Id;
        await using var leadHub = await HubListener.SignInAsync(_baseUrl, "lead@example.test", InboxApp.AgentPassword);
        var conversation = (await InboxApp.PostInboundAsync(integration, "n1", "cust-n", "hello")).ConversationId;
        Assert.Equal(ids[0], await AssignmentApiTests.AssigneeAsync(lead, conversation));
        var agent = await _app.SignInAsync("agent0@example.test", InboxApp.AgentPassword);
        await PostNoteAsync(agent, conversation, "seen by leads");
        await leadHub.WaitForAsync(e => e.Message?.Text == "seen by leads");

        // A role change ends the agent's sessions, and with them the connection they opened.
        var admin = await _app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync($"/api/agents/{leadId}", new { role = "agent" })).EnsureSuccessStatusCode();
        var changed = DateTime.UtcNow;
        var closedAt = await leadHub.Closed.WaitAsync(HubListener.Wait);
        Assert.True(closedAt - changed < Revocation, $"closed {closedAt - changed} after the role change");

        await PostNoteAsync(agent, conversation, "not for the former lead");
        var marker = (await InboxApp.PostInboundAsync(integration, "n2", "cust-m", "marker")).ConversationId;
        (await admin.PostAsJsonAsync($"/api/conversations/{marker}/assign", new { agentId = leadId })).EnsureSuccessStatusCode();
        await using var again = await HubListener.SignInAsync(_baseUrl, "lead@example.test", InboxApp.AgentPassword);
        var resumed = await again.Connection.InvokeAsync<ResumeResult>("Resume", 0L);
        Assert.DoesNotContain(resumed.Events, e => e.ConversationId == conversation);
        Assert.Contains(resumed.Events, e => e.ConversationId == marker);
    }

    [Fact]
    public async Task Ending_the_other_sessions_closes_their_hub_connections_and_keeps_the_callers()
    {
        await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        await using var laptop = await HubListener.SignInAsync(_baseUrl, "agent0@example.test", InboxApp.AgentPassword);
        await using var phone = await HubListener.SignInAsync(_baseUrl, "agent0@example.test", InboxApp.AgentPassword);
        var signedIn = await _app.SignInAsync("agent0@example.test", InboxApp.AgentPassword);

        var sessions = await signedIn.GetFromJsonAsync<List<SessionBody>>("/api/auth/sessions");
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteAsync("/api/auth/sessions")).StatusCode);
        var ended = DateTime.UtcNow;

        // Both hub connections' sessions were "the others": both close; the caller's own session stays.
        Assert.True(await laptop.Closed.WaitAsync(HubListener.Wait) - ended < Revocation);
        Assert.True(await phone.Closed.WaitAsync(HubListener.Wait) - ended < Revocation);
        Assert.True(sessions!.Count >= 3, $"{sessions.Count} sessions listed");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/auth/me")).StatusCode);
    }

    private sealed record SessionBody(string Id, bool Current);

    [Fact]
    public async Task An_agent_removed_from_a_queue_neither_hears_nor_resumes_its_new_conversations()
    {
        var (lead, ids, agents, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 2, capacity: 5);
        // Nobody takes new conversations: they wait, unassigned, visible to the queue's members.
        foreach (var client in agents)
        {
            (await client.PutAsJsonAsync("/api/agents/me/availability", new { status = "offline" })).EnsureSuccessStatusCode();
        }

        await using var ana = await HubListener.SignInAsync(_baseUrl, "agent0@example.test", InboxApp.AgentPassword);
        var before = (await InboxApp.PostInboundAsync(integration, "q1", "cust-q1", "waiting")).ConversationId;
        await ana.WaitForAsync(e => e.ConversationId == before && e.Type == "message.created");

        (await lead.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        var admin = await _app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync($"/api/agents/{ids[0]}", new { queues = new[] { "other" } })).EnsureSuccessStatusCode();
        var after = (await InboxApp.PostInboundAsync(integration, "q2", "cust-q2", "after the removal")).ConversationId;
        var ben = await HubListener.SignInAsync(_baseUrl, "agent1@example.test", InboxApp.AgentPassword);
        await using (ben)
        {
            var seen = await ben.Connection.InvokeAsync<ResumeResult>("Resume", 0L);
            Assert.Contains(seen.Events, e => e.ConversationId == after);
        }

        var resumed = await ana.Connection.InvokeAsync<ResumeResult>("Resume", 0L);
        Assert.DoesNotContain(resumed.Events, e => e.ConversationId == after || e.ConversationId == before);
        Assert.DoesNotContain(ana.Events, e => e.ConversationId == after);
    }

    [Fact]
    public async Task A_lead_who_is_also_a_queue_member_gets_each_event_once()
    {
        var (lead, ids, agents, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var leadId = (await lead.GetFromJsonAsync<IdBody>("/api/auth/me"))!.Id;
        (await lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", members = new[] { ids[0], leadId } })).EnsureSuccessStatusCode();
        (await agents[0].PutAsJsonAsync("/api/agents/me/availability", new { status = "offline" })).EnsureSuccessStatusCode();
        await using var leadHub = await HubListener.SignInAsync(_baseUrl, "lead@example.test", InboxApp.AgentPassword);

        for (var i = 0; i < 20; i++)
        {
            await InboxApp.PostInboundAsync(integration, $"d{i}", $"cust-{i % 5}", $"message {i}");
        }

        await leadHub.WaitForAsync(e => e.Message?.Text == "message 19");
        var last = leadHub.Events.Max(e => e.Seq);
        // Whatever else is in flight has arrived once the hub answers a call made after the last event.
        await leadHub.Connection.InvokeAsync<ResumeResult>("Resume", last);
        var events = leadHub.Events;
        Assert.Equal(20, events.Count(e => e.Type == "message.created"));
        Assert.Equal(events.Count, events.Select(e => e.Seq).Distinct().Count());
    }

    [Fact]
    public async Task On_two_nodes_an_event_and_a_revocation_made_on_one_reach_a_connection_on_the_other()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.For(StoreServers.Redis).Redis;
        await using var nodeA = new InboxApp(redis, workspace);
        await using var nodeB = new InboxApp(redis, workspace);
        var urlB = nodeB.StartKestrel();

        var adminOnA = await nodeA.SignInAsAdminAsync();
        var integration = await nodeA.TokenClientAsync(adminOnA, "inbound");
        var created = await (await adminOnA.PostAsJsonAsync("/api/tokens", new { name = "crm", scopes = new[] { "conversations:read" } }))
            .Content.ReadFromJsonAsync<TokenBody>();
        await using var onB = await HubListener.WithTokenAsync(urlB, created!.Token);

        var posted = await InboxApp.PostInboundAsync(integration, "two-1", "cust-two", "through node A");
        await onB.WaitForAsync(e => e.ConversationId == posted.ConversationId && e.Type == "message.created");
        Assert.Single(onB.Events, e => e.Type == "message.created");

        Assert.Equal(HttpStatusCode.NoContent, (await adminOnA.DeleteAsync($"/api/tokens/{created.Id}")).StatusCode);
        var deleted = DateTime.UtcNow;
        var closedAt = await onB.Closed.WaitAsync(HubListener.Wait);
        Assert.True(closedAt - deleted < Revocation, $"closed {closedAt - deleted} after the token was deleted on the other node");
    }

    private static async Task PostNoteAsync(HttpClient agent, string conversationId, string text) =>
        (await agent.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text, @private = true })).EnsureSuccessStatusCode();
}
