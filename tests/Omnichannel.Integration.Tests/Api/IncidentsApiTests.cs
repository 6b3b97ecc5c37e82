using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Features;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Incidents (issue 12, docs/sla.md "Incidents"), through the API on both stores.</summary>
[Collection(StoreCollection.Name)]
public sealed class IncidentsApiTests(StoreServers servers)
{
    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task A_lead_links_replies_once_to_each_open_conversation_and_resolves_them_all(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (lead, _, _, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        var ana = (await InboxApp.PostInboundAsync(integration, "s1", "cust-ana", "login fails")).ConversationId;
        var bob = (await InboxApp.PostInboundAsync(integration, "s2", "cust-bob", "cannot sign in")).ConversationId;
        var done = (await InboxApp.PostInboundAsync(integration, "s3", "cust-cy", "login?")).ConversationId;
        (await lead.PostAsJsonAsync($"/api/conversations/{done}/status", new { status = "resolved" })).EnsureSuccessStatusCode();

        var id = await CreateAsync(lead, "Login outage", "SSO provider down", "https://status.example.test/42");
        var linked = await lead.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { ana, bob, done } });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var incident = await lead.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal(("Login outage", "open", "https://status.example.test/42"),
            (incident.GetProperty("title").GetString(), incident.GetProperty("status").GetString(), incident.GetProperty("trackerUrl").GetString()));
        Assert.Equal([("open", ana), ("open", bob), ("resolved", done)], Conversations(incident));

        // The same request twice (a retry) sends once; the resolved conversation is left alone.
        var reply = new { text = "We know about the login outage and are fixing it." };
        var first = await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", reply);
        var retried = await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", reply);
        Assert.Equal([(ana, "sent"), (bob, "sent"), (done, "skipped")], await OutcomesAsync(first));
        Assert.Equal([(ana, "already-sent"), (bob, "already-sent"), (done, "skipped")], await OutcomesAsync(retried));
        foreach (var conversation in new[] { ana, bob })
        {
            var messages = await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversation}/messages");
            var sent = Assert.Single(messages!.Items, m => m.Direction == "out");
            Assert.Equal((reply.text, false), (sent.Text, sent.Private));
        }

        Assert.DoesNotContain((await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{done}/messages"))!.Items, m => m.Direction == "out");

        var resolved = await lead.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { note = "SSO is back." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        incident = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", incident.GetProperty("status").GetString());
        Assert.Equal([("resolved", ana), ("resolved", bob), ("resolved", done)], Conversations(incident));
        var notes = (await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{ana}/messages"))!.Items.Where(m => m.Private);
        Assert.Equal("SSO is back.", Assert.Single(notes).Text);
        var activity = await lead.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{ana}/activity");
        Assert.Equal(["conversation.incident_linked", "incident.replied", "incident.resolved"],
            activity!.Select(e => e.GetProperty("type").GetString())
                .Where(t => t is "conversation.incident_linked" or "incident.replied" or "incident.resolved"));

        // Resolved: no more links or replies; the list shows it with its counts.
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", new { text = "again" })).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await CreateAsync(lead, "Payments failing", null, null);
        var list = (await lead.GetFromJsonAsync<List<JsonElement>>("/api/incidents"))!;
        Assert.Equal([newer, id], list.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal((3, 0), (list[1].GetProperty("conversationCount").GetInt32(), list[1].GetProperty("openConversationCount").GetInt32()));
    }

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task An_agent_links_only_conversations_they_see_all_or_nothing_and_may_not_create_reply_or_resolve(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (lead, _, agents, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        (await lead.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        var mine = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "the app is down")).ConversationId;
        var hidden = (await InboxApp.PostInboundAsync(integration, "s2", "cust-2", "the app is down", queue: "other")).ConversationId;
        var agent = agents[0];
        var id = await CreateAsync(lead, "App down", null, null);

        var refused = await agent.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { mine, hidden } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Contains(hidden, problem!.Errors!["conversationIds"][0], StringComparison.Ordinal);
        Assert.DoesNotContain(mine, problem.Errors["conversationIds"][0], StringComparison.Ordinal);
        Assert.Empty((await lead.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).GetProperty("conversations").EnumerateArray());

        (await agent.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { mine } })).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { hidden } })).EnsureSuccessStatusCode();

        // The agent reads the incident, with only the conversation they may see; the lead sees both.
        Assert.Equal([("open", mine)], Conversations(await agent.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")));
        Assert.Equal(2, Conversations(await lead.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).Count);
        Assert.Equal(1, (await agent.GetFromJsonAsync<List<JsonElement>>("/api/incidents"))![0].GetProperty("conversationCount").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/incidents/{id}/conversations/{hidden}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/incidents", new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/incidents/{id}/reply", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { note = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync("/api/incidents", new { title = "", trackerUrl = "javascript:x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/incidents/x:y")).StatusCode);

        (await agent.DeleteAsync($"/api/incidents/{id}/conversations/{mine}")).EnsureSuccessStatusCode();
        Assert.Equal([hidden], Conversations(await lead.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).Select(c => c.Id));
    }

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task An_open_incident_whose_title_words_the_customer_used_is_suggested(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (lead, _, agents, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        var login = await CreateAsync(lead, "Login outage in the EU", null, null);
        await CreateAsync(lead, "Payments failing", null, null);
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "Hello, LOGIN does not work for me!")).ConversationId;

        var suggestions = await agents[0].GetFromJsonAsync<List<JsonElement>>($"/api/incidents/suggestions?conversationId={id}");
        var suggestion = Assert.Single(suggestions!);
        Assert.Equal(login, suggestion.GetProperty("incident").GetProperty("id").GetString());
        Assert.Equal(["login"], suggestion.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));

        // Linked already: no longer suggested (the time window is IncidentKeywordsTests' subject).
        (await lead.PostAsJsonAsync($"/api/incidents/{login}/conversations", new { conversationIds = new[] { id } })).EnsureSuccessStatusCode();
        Assert.Empty((await agents[0].GetFromJsonAsync<List<JsonElement>>($"/api/incidents/suggestions?conversationId={id}"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await agents[0].GetAsync("/api/incidents/suggestions?conversationId=nope")).StatusCode);
    }

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task A_reply_cut_off_half_way_is_finished_by_the_retry_without_sending_twice(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (lead, _, _, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        var ana = (await InboxApp.PostInboundAsync(integration, "s1", "cust-ana", "checkout fails")).ConversationId;
        var bob = (await InboxApp.PostInboundAsync(integration, "s2", "cust-bob", "checkout fails")).ConversationId;
        var id = await CreateAsync(lead, "Checkout outage", null, null);
        (await lead.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { ana, bob } })).EnsureSuccessStatusCode();

        // What a crash after the first conversation's message leaves: that message, no record of the reply.
        const string Text = "Checkout is being fixed.";
        var replyId = IncidentReplyIds.ForText(Text);
        var actor = new Actor(AuthorKind.Agent, "lead", "Lead");
        await app.Services.GetRequiredService<IMediator>()
            .Send(new SendReply(ana, actor, Text, MessageId: IncidentReplyIds.Message(id, replyId, ana)));

        var retried = await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", new { text = Text });
        Assert.Equal([(ana, "already-sent"), (bob, "sent")], await OutcomesAsync(retried));
        foreach (var conversation in new[] { ana, bob })
        {
            var messages = await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversation}/messages");
            Assert.Single(messages!.Items, m => m.Text == Text);
        }

        var activity = await lead.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{ana}/activity");
        Assert.Single(activity!, e => e.GetProperty("type").GetString() == "incident.replied");
    }

    internal static async Task<string> CreateAsync(HttpClient lead, string title, string? description, string? trackerUrl)
    {
        var created = await lead.PostAsJsonAsync("/api/incidents", new { title, description, trackerUrl });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    private static List<(string Status, string Id)> Conversations(JsonElement incident) =>
        [.. incident.GetProperty("conversations").EnumerateArray().Select(c => (c.GetProperty("status").GetString()!, c.GetProperty("id").GetString()!))];

    private static async Task<List<(string, string)>> OutcomesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("conversations").EnumerateArray()
            .Select(c => (c.GetProperty("conversationId").GetString()!, c.GetProperty("outcome").GetString()!))];
    }
}
