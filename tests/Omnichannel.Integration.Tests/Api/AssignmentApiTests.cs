using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>The assignment flow as a lead and agents drive it through the REST API alone.</summary>
[Collection(StoreCollection.Name)]
public sealed class AssignmentApiTests(StoreServers servers)
{
    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private sealed record BoardBody(List<BoardMemberBody> Members, int Waiting, string? NextAgentId);

    private sealed record BoardMemberBody(string Id, string Availability, bool Present, bool OnShift, string? CurrentShift, bool Paused, int Open, int Capacity, bool Eligible, string? NotEligibleBecause);

    private sealed record MovesBody(List<MoveBody> Moves, bool Applied);

    private sealed record MoveBody(string ConversationId, string? From, string? To);

    private sealed record AuditBody(List<JsonElement> Entries);

    /// <summary>A lead, agents on an always-on shift in the default queue, each signed in and online.</summary>
    internal static async Task<(HttpClient Lead, List<string> Ids, List<HttpClient> Agents, HttpClient Integration)> SetUpAsync(InboxApp app, int agents, int capacity)
    {
        var admin = await app.SignInAsAdminAsync();
        await app.CreateAgentAsync(admin, "lead@example.test", role: "lead");
        var lead = await app.SignInAsync("lead@example.test", InboxApp.AgentPassword);
        var ids = new List<string>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < agents; i++)
        {
            var id = await app.CreateAgentAsync(admin, $"agent{i}@example.test");
            (await lead.PutAsJsonAsync($"/api/agents/{id}/capacity", new { capacity })).EnsureSuccessStatusCode();
            ids.Add(id);
        }

        var shift = new { name = "Always", timeZone = "Europe/Berlin", periods = new[] { new { days = Week, start = "00:00", end = "24:00" } }, members = ids };
        (await lead.PutAsJsonAsync("/api/shifts/always", shift)).EnsureSuccessStatusCode();
        (await lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", members = ids })).EnsureSuccessStatusCode();
        foreach (var i in Enumerable.Range(0, agents))
        {
            var client = await app.SignInAsync($"agent{i}@example.test", InboxApp.AgentPassword);
            (await client.PutAsJsonAsync("/api/agents/me/availability", new { status = "online" })).EnsureSuccessStatusCode();
            clients.Add(client);
        }

        return (lead, ids, clients, await app.TokenClientAsync(admin, "inbound"));
    }

    internal static async Task<string?> AssigneeAsync(HttpClient lead, string conversationId) =>
        (await lead.GetFromJsonAsync<ConversationBody>($"/api/conversations/{conversationId}"))!.AssigneeId;

    [Fact]
    public async Task A_lead_sets_up_shifts_and_queues_and_conversations_spread_evenly_among_online_agents_only()
    {
        await using var app = InboxApp.On(servers);
        var (lead, ids, agents, integration) = await SetUpAsync(app, agents: 3, capacity: 5);

        var conversations = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            conversations.Add((await InboxApp.PostInboundAsync(integration, $"s{i}", $"cust-{i}", "help")).ConversationId);
        }

        var assignees = await Task.WhenAll(conversations.Select(c => AssigneeAsync(lead, c)));
        Assert.All(ids, id => Assert.Equal(2, assignees.Count(a => a == id)));

        // Paused and offline agents get nothing new.
        (await lead.PostAsync($"/api/agents/{ids[2]}/pause", null)).EnsureSuccessStatusCode();
        (await agents[1].PutAsJsonAsync("/api/agents/me/availability", new { status = "offline" })).EnsureSuccessStatusCode();
        var more = new List<string>();
        for (var i = 6; i < 9; i++)
        {
            more.Add((await InboxApp.PostInboundAsync(integration, $"s{i}", $"cust-{i}", "help")).ConversationId);
        }

        Assert.All(await Task.WhenAll(more.Select(c => AssigneeAsync(lead, c))), a => Assert.Equal(ids[0], a));

        var board = await lead.GetFromJsonAsync<BoardBody>("/api/queues/default/board");
        var byId = board!.Members.ToDictionary(m => m.Id);
        Assert.Equal((5, "at-capacity", "Always"), (byId[ids[0]].Open, byId[ids[0]].NotEligibleBecause, byId[ids[0]].CurrentShift));
        Assert.Equal("offline", byId[ids[1]].NotEligibleBecause);
        Assert.Equal((true, "paused"), (byId[ids[2]].Paused, byId[ids[2]].NotEligibleBecause));

        // Everyone is full or out: the next conversation waits, and resuming the paused agent drains it to them.
        var waiting = (await InboxApp.PostInboundAsync(integration, "s9", "cust-9", "help")).ConversationId;
        Assert.Null(await AssigneeAsync(lead, waiting));
        Assert.Equal(1, (await lead.GetFromJsonAsync<BoardBody>("/api/queues/default/board"))!.Waiting);
        (await lead.PostAsync($"/api/agents/{ids[2]}/resume", null)).EnsureSuccessStatusCode();
        Assert.Equal(ids[2], await AssigneeAsync(lead, waiting));

        var activity = await lead.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{waiting}/activity");
        Assert.Equal("round-robin", activity!.Single().GetProperty("reason").GetString());
        var audit = await lead.GetFromJsonAsync<AuditBody>("/api/audit?limit=1000");
        Assert.Contains(audit!.Entries, e => e.GetProperty("type").GetString() == "agent.paused" && e.GetProperty("agentId").GetString() == ids[2]);
        Assert.Equal(10, audit.Entries.Count(e => e.GetProperty("type").GetString() == "conversation.assigned"));
    }

    [Fact]
    public async Task A_lead_moves_load_and_rebalance_evens_it_without_exceeding_capacity()
    {
        await using var app = InboxApp.On(servers);
        var (lead, ids, _, integration) = await SetUpAsync(app, agents: 3, capacity: 6);
        for (var i = 0; i < 9; i++)
        {
            await InboxApp.PostInboundAsync(integration, $"s{i}", $"cust-{i}", "help");
        }

        // Pile everything on the first agent: 3 + 3 + 3 → 6, 0, 3 (the second agent's go to the first).
        var moved = await lead.PostAsJsonAsync("/api/queues/default/move", new { from = ids[1], to = ids[0], count = 3, note = "covering" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(3, (await moved.Content.ReadFromJsonAsync<MovesBody>())!.Moves.Count);
        var tooMany = await lead.PostAsJsonAsync("/api/queues/default/move", new { from = ids[2], to = ids[0], count = 1 });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);

        var dry = await (await lead.PostAsJsonAsync("/api/queues/default/rebalance", new { dryRun = true })).Content.ReadFromJsonAsync<MovesBody>();
        Assert.False(dry!.Applied);
        Assert.Equal(3, dry.Moves.Count);
        Assert.All(dry.Moves, m => Assert.Equal((ids[0], ids[1]), (m.From!, m.To!)));
        var board = await lead.GetFromJsonAsync<BoardBody>("/api/queues/default/board");
        Assert.Equal(6, board!.Members.Single(m => m.Id == ids[0]).Open);

        var applied = await (await lead.PostAsJsonAsync("/api/queues/default/rebalance", new { dryRun = false })).Content.ReadFromJsonAsync<MovesBody>();
        Assert.True(applied!.Applied);
        Assert.Equal(dry.Moves.Select(m => m.ConversationId).Order(), applied.Moves.Select(m => m.ConversationId).Order());
        board = await lead.GetFromJsonAsync<BoardBody>("/api/queues/default/board");
        Assert.All(board!.Members, m => Assert.Equal(3, m.Open));
        var again = await (await lead.PostAsJsonAsync("/api/queues/default/rebalance", new { dryRun = false })).Content.ReadFromJsonAsync<MovesBody>();
        Assert.Empty(again!.Moves);
    }

    [Fact]
    public async Task Only_leads_and_admins_use_the_queue_tools_and_agents_set_only_their_own_availability()
    {
        await using var app = InboxApp.On(servers);
        var (lead, ids, agents, integration) = await SetUpAsync(app, agents: 1, capacity: 3);
        var agent = agents[0];
        var anonymous = app.CreateClient();
        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/queues/default/board", null),
            (HttpMethod.Put, "/api/queues/default", new { name = "Mine" }),
            (HttpMethod.Post, "/api/queues/default/rebalance", new { dryRun = true }),
            (HttpMethod.Post, "/api/queues/default/move", new { from = ids[0], to = (string?)null, count = 1 }),
            (HttpMethod.Post, $"/api/agents/{ids[0]}/pause", null),
            (HttpMethod.Post, $"/api/agents/{ids[0]}/resume", null),
            (HttpMethod.Put, $"/api/agents/{ids[0]}/capacity", new { capacity = 50 }),
            (HttpMethod.Put, $"/api/agents/{ids[0]}/availability", new { status = "online" }),
            (HttpMethod.Get, "/api/audit", null),
            (HttpMethod.Put, "/api/shifts/mine", new { name = "Mine", timeZone = "UTC", periods = Array.Empty<object>() }),
        };
        foreach (var (method, path, body) in calls)
        {
            foreach (var (client, expected) in new[] { (agent, HttpStatusCode.Forbidden), (integration, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
            {
                var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                var response = await client.SendAsync(request);
                Assert.True(expected == response.StatusCode, $"{method} {path}: expected {expected}, got {response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await agent.PutAsJsonAsync("/api/agents/me/availability", new { status = "busy" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PutAsJsonAsync("/api/agents/me/availability", new { status = "away" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/me/heartbeat", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/agents/me/availability", new { status = "online" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/queues/default/board")).StatusCode);
        // A trailing newline is not part of a valid id (a "$" anchor would have let it in).
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PutAsJsonAsync("/api/queues/ops%0A", new { name = "Ops" })).StatusCode);
        var unknownQueue = await integration.PostAsJsonAsync("/api/inbound", new { sourceId = "x", contact = new { identifier = "c" }, text = "hi", queue = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownQueue.StatusCode);
    }

    [Fact]
    public async Task Two_nodes_on_one_redis_never_double_assign_or_exceed_capacity_under_50_parallel_ingests()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.For(StoreServers.Redis).Redis;
        await using var nodeA = new InboxApp(redis, workspace);
        await using var nodeB = new InboxApp(redis, workspace);
        nodeA.Time.SetUtcNow(nodeB.Time.GetUtcNow());
        var (lead, ids, _, integrationA) = await SetUpAsync(nodeA, agents: 3, capacity: 10);
        var integrationB = nodeB.CreateClient();
        integrationB.DefaultRequestHeaders.Authorization = integrationA.DefaultRequestHeaders.Authorization;

        var posted = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            InboxApp.PostInboundAsync(i % 2 == 0 ? integrationA : integrationB, $"p{i}", $"cust-{i}", "help")));

        Assert.Equal(50, posted.Select(p => p.ConversationId).Distinct().Count());
        var assignees = await Task.WhenAll(posted.Select(p => AssigneeAsync(lead, p.ConversationId)));
        Assert.All(ids, id => Assert.Equal(10, assignees.Count(a => a == id)));
        Assert.Equal(20, assignees.Count(a => a is null));
        var board = await lead.GetFromJsonAsync<BoardBody>("/api/queues/default/board");
        Assert.Equal(20, board!.Waiting);
        Assert.All(board.Members, m => Assert.Equal(10, m.Open));
        var audit = await lead.GetFromJsonAsync<AuditBody>("/api/audit?limit=1000");
        Assert.Equal(30, audit!.Entries.Count(e => e.GetProperty("type").GetString() == "conversation.assigned"));
    }
}
