using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Tiers and escalation (issue 12, docs/sla.md "Tiers and escalation"), through the API on both stores.</summary>
[Collection(StoreCollection.Name)]
public sealed class EscalationApiTests(StoreServers servers)
{
    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task An_agent_escalates_to_the_next_tier_where_another_agent_gets_it_with_the_reason_and_a_lead_returns_it(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        await app.CreateAgentAsync(admin, "lead@example.test", role: "lead");
        var lead = await app.SignInAsync("lead@example.test", InboxApp.AgentPassword);
        (await lead.PutAsJsonAsync("/api/queues/l2", new { name = "Second level", policy = "round-robin", tier = "L2" })).EnsureSuccessStatusCode();
        var first = await app.CreateAgentAsync(admin, "first@example.test", queues: ["default", "l2"]);
        var second = await app.CreateAgentAsync(admin, "second@example.test", queues: ["l2"]);
        var shift = new { name = "Always", timeZone = "Europe/Berlin", periods = new[] { new { days = Week, start = "00:00", end = "24:00" } }, members = new[] { first, second } };
        (await lead.PutAsJsonAsync("/api/shifts/always", shift)).EnsureSuccessStatusCode();
        (await lead.PutAsJsonAsync("/api/queues/l2", new { name = "Second level", policy = "round-robin", tier = "L2", members = new[] { first, second } })).EnsureSuccessStatusCode();
        (await lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", members = new[] { first }, escalatesTo = "l2" })).EnsureSuccessStatusCode();
        var clients = new List<HttpClient>();
        foreach (var email in new[] { "first@example.test", "second@example.test" })
        {
            var client = await app.SignInAsync(email, InboxApp.AgentPassword);
            (await client.PutAsJsonAsync("/api/agents/me/availability", new { status = "online" })).EnsureSuccessStatusCode();
            clients.Add(client);
        }

        var integration = await app.TokenClientAsync(admin, "inbound");
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "the API returns 500 on /orders")).ConversationId;
        Assert.Equal(first, await AssignmentApiTests.AssigneeAsync(lead, id));

        // Not theirs: the second agent may not escalate it; a bad note is refused before anything moves.
        Assert.Equal(HttpStatusCode.Forbidden, (await clients[1].PostAsJsonAsync($"/api/conversations/{id}/escalate", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clients[0].PostAsJsonAsync($"/api/conversations/{id}/escalate", new { note = new string('x', 100_001) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clients[0].PostAsJsonAsync($"/api/conversations/{id}/de-escalate", new { })).StatusCode);

        var escalated = await clients[0].PostAsJsonAsync($"/api/conversations/{id}/escalate", new { note = "Needs an API engineer: stack trace in the thread" });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var conversation = await lead.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal(("l2", "L2", second), (conversation.GetProperty("queue").GetString(), conversation.GetProperty("tier").GetString(), conversation.GetProperty("assigneeId").GetString()));
        Assert.Equal(["default"], conversation.GetProperty("tierPath").EnumerateArray().Select(q => q.GetString()));

        // The second level sees why it came: the note as a private note and the reason in the activity.
        var messages = await clients[1].GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{id}/messages");
        Assert.Contains(messages!.Items, m => m.Private && m.Text.Contains("Needs an API engineer", StringComparison.Ordinal));
        var activity = await lead.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{id}/activity");
        var entry = Assert.Single(activity!, e => e.GetProperty("type").GetString() == "conversation.escalated");
        Assert.Equal(("default", "l2", first), (entry.GetProperty("from").GetString(), entry.GetProperty("to").GetString(), entry.GetProperty("previousAssigneeId").GetString()));

        // The l2 queue escalates nowhere further.
        Assert.Equal(HttpStatusCode.Conflict, (await clients[1].PostAsJsonAsync($"/api/conversations/{id}/escalate", new { note = "more" })).StatusCode);

        var returned = await lead.PostAsJsonAsync($"/api/conversations/{id}/de-escalate", new { });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        conversation = await lead.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        Assert.Equal(("default", "L1"), (conversation.GetProperty("queue").GetString(), conversation.GetProperty("tier").GetString()));
        Assert.Empty(conversation.GetProperty("tierPath").EnumerateArray());

        // Back in L1, assigned there by the normal rules (the first level's agent), not to the agent it just left.
        Assert.Equal(first, conversation.GetProperty("assigneeId").GetString());

        (await lead.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "resolved" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/conversations/{id}/escalate", new { note = "late" })).StatusCode);
    }
}
