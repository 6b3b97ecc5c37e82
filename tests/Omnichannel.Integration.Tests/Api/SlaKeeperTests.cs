using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Sla;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// Deadlines on conversations (issue 12, docs/sla.md "Who keeps the clocks"): the keeper turns the event log into
/// stored deadlines, fires each warning and breach once (also with two nodes on one store), the queue drains by
/// deadline, and the priority route retargets the clocks.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SlaKeeperTests(StoreServers servers)
{
    private static readonly object Policy = new
    {
        name = "Around the clock",
        targets = new Dictionary<string, object?>
        {
            ["normal"] = new { firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 480 },
            ["urgent"] = new { firstResponseMinutes = 10, nextResponseMinutes = 20, resolutionMinutes = 120 },
        },
        warnAtPercent = 80,
        pauseWhilePending = true,
    };

    private static async Task<(HttpClient Admin, HttpClient Integration)> SetUpAsync(InboxApp app)
    {
        var admin = await app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/sla-policies/clock", Policy)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "clock" })).EnsureSuccessStatusCode();
        return (admin, await app.TokenClientAsync(admin, "inbound"));
    }

    private static Task RoundAsync(InboxApp app) => app.Services.GetRequiredService<SlaKeeper>().RunOnceAsync(CancellationToken.None);

    private static async Task<JsonElement> ConversationAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");

    private static async Task<List<string>> AlertsAsync(HttpClient client, string id) =>
        [.. (await client.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{id}/activity"))!
            .Where(e => e.GetProperty("type").GetString() == "conversation.sla")
            .Select(e => e.GetProperty("kind").GetString() + ":" + e.GetProperty("alert").GetString())];

    private static DateTimeOffset? Due(JsonElement conversation, string kind) =>
        conversation.GetProperty("sla").GetProperty(kind) is { ValueKind: JsonValueKind.String } due ? due.GetDateTimeOffset() : null;

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task A_conversation_gets_deadlines_that_warn_and_breach_once_and_a_late_reply_does_not_undo_the_breach(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (admin, integration) = await SetUpAsync(app);
        var started = app.Time.GetUtcNow();
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "my order is late")).ConversationId;

        await RoundAsync(app);
        var conversation = await ConversationAsync(admin, id);
        Assert.Equal("normal", conversation.GetProperty("priority").GetString());
        Assert.Equal(started.AddMinutes(30), Due(conversation, "firstResponseDue")!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(started.AddMinutes(480), Due(conversation, "resolutionDue")!.Value, TimeSpan.FromSeconds(1));
        Assert.Null(Due(conversation, "nextResponseDue"));
        Assert.Empty(conversation.GetProperty("sla").GetProperty("breaches").EnumerateArray());

        app.Time.Advance(TimeSpan.FromMinutes(25));
        await RoundAsync(app);
        await RoundAsync(app);
        Assert.Equal(["firstResponse:warning"], await AlertsAsync(admin, id));

        app.Time.Advance(TimeSpan.FromMinutes(6));
        await RoundAsync(app);
        await RoundAsync(app);
        conversation = await ConversationAsync(admin, id);
        Assert.Equal(["firstResponse:warning", "firstResponse:breach"], await AlertsAsync(admin, id));
        Assert.Equal(["firstResponse"], conversation.GetProperty("sla").GetProperty("breaches").EnumerateArray().Select(b => b.GetString()));
        Assert.Null(Due(conversation, "firstResponseDue"));

        (await admin.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Sorry, looking now", @private = false })).EnsureSuccessStatusCode();
        await RoundAsync(app);
        conversation = await ConversationAsync(admin, id);
        Assert.Equal(["firstResponse"], conversation.GetProperty("sla").GetProperty("breaches").EnumerateArray().Select(b => b.GetString()));

        // The customer answers: the next response is owed within 60 minutes.
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await InboxApp.PostInboundAsync(integration, "s2", "cust-1", "thanks, any news?");
        await RoundAsync(app);
        conversation = await ConversationAsync(admin, id);
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(60), Due(conversation, "nextResponseDue")!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_warning_and_a_breach_fire_once_when_two_nodes_keep_the_clocks_at_the_same_time()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.For(StoreServers.Redis).Redis;
        await using var nodeA = new InboxApp(redis, workspace);
        await using var nodeB = new InboxApp(redis, workspace);
        nodeA.Time.SetUtcNow(nodeB.Time.GetUtcNow());
        var (admin, integration) = await SetUpAsync(nodeA);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await InboxApp.PostInboundAsync(integration, $"s{i}", $"cust-{i}", "help")).ConversationId);
        }

        await Task.WhenAll(RoundAsync(nodeA), RoundAsync(nodeB));
        foreach (var node in new[] { nodeA, nodeB })
        {
            node.Time.Advance(TimeSpan.FromMinutes(31));
        }

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(RoundAsync(nodeA), RoundAsync(nodeB));
        }

        foreach (var id in ids)
        {
            Assert.Equal(["firstResponse:warning", "firstResponse:breach"], await AlertsAsync(admin, id));
        }
    }

    [Fact]
    public async Task Priority_is_set_by_the_assignee_or_a_lead_and_retargets_the_running_clocks()
    {
        await using var app = InboxApp.On(servers);
        var (admin, integration) = await SetUpAsync(app);
        await app.CreateAgentAsync(admin, "agent@example.test");
        var agent = await app.SignInAsync("agent@example.test", InboxApp.AgentPassword);
        var started = app.Time.GetUtcNow();
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "site is down")).ConversationId;
        await RoundAsync(app);

        var notTheirs = await agent.PutAsJsonAsync($"/api/conversations/{id}/priority", new { priority = "urgent" });
        var bad = await admin.PutAsJsonAsync($"/api/conversations/{id}/priority", new { priority = "critical" });
        var unknown = await admin.PutAsJsonAsync("/api/conversations/nope/priority", new { priority = "urgent" });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("normal", (await ConversationAsync(admin, id)).GetProperty("priority").GetString());

        app.Time.Advance(TimeSpan.FromMinutes(4));
        var set = await admin.PutAsJsonAsync($"/api/conversations/{id}/priority", new { priority = "urgent" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("urgent", (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priority").GetString());
        await RoundAsync(app);

        // The 4 minutes used count against the urgent target of 10.
        var conversation = await ConversationAsync(admin, id);
        Assert.Equal(started.AddMinutes(10), Due(conversation, "firstResponseDue")!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(started.AddMinutes(120), Due(conversation, "resolutionDue")!.Value, TimeSpan.FromSeconds(1));
        var activity = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{id}/activity");
        Assert.Contains(activity!, e => e.GetProperty("type").GetString() == "conversation.priority_changed" && e.GetProperty("to").GetString() == "urgent");

        (await admin.PostAsJsonAsync($"/api/conversations/{id}/assign", new { agentId = (await agent.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString() })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await agent.PutAsJsonAsync($"/api/conversations/{id}/priority", new { priority = "high" })).StatusCode);
    }

    [Fact]
    public async Task The_queue_drains_by_deadline_before_age()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/sla-policies/clock", Policy)).EnsureSuccessStatusCode();
        var (lead, ids, agents, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 1);
        (await lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "clock" })).EnsureSuccessStatusCode();
        var first = (await InboxApp.PostInboundAsync(integration, "s0", "cust-0", "first")).ConversationId;
        Assert.Equal(ids[0], await AssignmentApiTests.AssigneeAsync(lead, first));

        // The agent is full: two more wait, the older with a normal deadline, the younger made urgent (nearer).
        // (Seconds apart: the agent's presence would run out in minutes of fake time without heartbeats.)
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var older = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "older")).ConversationId;
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var younger = (await InboxApp.PostInboundAsync(integration, "s2", "cust-2", "younger")).ConversationId;
        (await lead.PutAsJsonAsync($"/api/conversations/{younger}/priority", new { priority = "urgent" })).EnsureSuccessStatusCode();
        await RoundAsync(app);

        (await agents[0].PostAsJsonAsync($"/api/conversations/{first}/status", new { status = "resolved" })).EnsureSuccessStatusCode();
        Assert.Equal(ids[0], await AssignmentApiTests.AssigneeAsync(lead, younger));
        Assert.Null(await AssignmentApiTests.AssigneeAsync(lead, older));
    }

    [Fact]
    public async Task A_queue_that_loses_its_policy_fires_no_breach_when_a_deadline_comes_first()
    {
        await using var app = InboxApp.On(servers);
        var (admin, integration) = await SetUpAsync(app);
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "hello")).ConversationId;
        await RoundAsync(app);
        Assert.NotNull(Due(await ConversationAsync(admin, id), "firstResponseDue"));

        // No event about the conversation follows: the withdrawal is found when its deadline comes due.
        (await admin.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "" })).EnsureSuccessStatusCode();
        app.Time.Advance(TimeSpan.FromMinutes(31));
        await RoundAsync(app);
        await RoundAsync(app);

        var conversation = await ConversationAsync(admin, id);
        Assert.Empty(await AlertsAsync(admin, id));
        Assert.Null(Due(conversation, "firstResponseDue"));
        Assert.Null(Due(conversation, "resolutionDue"));
        Assert.Empty(conversation.GetProperty("sla").GetProperty("breaches").EnumerateArray());
    }

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task The_store_hands_back_each_alert_with_the_instant_it_fired_not_the_time_of_the_write(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var (_, integration) = await SetUpAsync(app);
        var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "hello")).ConversationId;
        await RoundAsync(app);
        var store = app.Services.GetRequiredService<ISlaStore>();
        var subject = Assert.Single(await store.LoadAsync([id]));
        var fired = subject.Sla!.FirstResponse!.WarnAt!.Value;
        var alert = new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Warning, fired);

        var published = await store.SaveAsync(null, null, [new SlaWrite(id, subject.Version, subject.Sla, [alert], true)], fired.AddMinutes(3));

        Assert.Equal(alert, Assert.Single(published!).Alert);
    }
}
