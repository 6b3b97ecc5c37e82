using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Integration.Tests.Realtime;

/// <summary>The agent hub over a real Kestrel server and the .NET SignalR client.</summary>
[Collection(StoreCollection.Name)]
public sealed class AgentHubTests(StoreServers servers) : IAsyncLifetime
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

    private Task<HubListener> ConnectAsync(string email, string password) => HubListener.SignInAsync(_baseUrl, email, password);

    [Fact]
    public async Task A_connection_without_a_session_or_token_is_refused()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(_baseUrl + RealtimeRegistration.HubPath).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);

        var badToken = new HubConnectionBuilder().WithUrl(_baseUrl + RealtimeRegistration.HubPath + "?access_token=oc_x_y").Build();
        await Assert.ThrowsAsync<HttpRequestException>(() => badToken.StartAsync());
    }

    [Fact]
    public async Task Each_event_reaches_only_the_assignee_the_leads_and_integrations_never_another_agent()
    {
        var (lead, ids, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 2, capacity: 5);
        await using var ana = await ConnectAsync("agent0@example.test", InboxApp.AgentPassword);
        await using var ben = await ConnectAsync("agent1@example.test", InboxApp.AgentPassword);
        await using var leadHub = await ConnectAsync("lead@example.test", InboxApp.AgentPassword);
        var reader = await _app.TokenClientAsync(await _app.SignInAsAdminAsync(), "conversations:read");
        var token = reader.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var integrationHub = await HubListener.WithTokenAsync(_baseUrl, token);

        // Ben gets the first one (round-robin); the second goes to Ana. Each hears about their own only.
        var first = await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "hello");
        var second = await InboxApp.PostInboundAsync(integration, "s2", "cust-2", "hello again");
        var firstAssignee = await AssignmentApiTests.AssigneeAsync(lead, first.ConversationId);
        var (mine, theirs) = firstAssignee == ids[0] ? (first, second) : (second, first);
        await ana.WaitForAsync(e => e.ConversationId == mine.ConversationId && e.Type == "message.created");
        await ben.WaitForAsync(e => e.ConversationId == theirs.ConversationId && e.Type == "message.created");

        var note = await lead.PostAsJsonAsync($"/api/conversations/{mine.ConversationId}/messages", new { text = "internal", @private = true });
        note.EnsureSuccessStatusCode();
        await leadHub.WaitForAsync(e => e.ConversationId == mine.ConversationId && e.Message is { Private: true });
        await ana.WaitForAsync(e => e.ConversationId == mine.ConversationId && e.Message is { Private: true });
        await integrationHub.WaitForAsync(e => e.ConversationId == theirs.ConversationId && e.Type == "message.created");

        Assert.DoesNotContain(ana.Events, e => e.ConversationId == theirs.ConversationId);
        Assert.DoesNotContain(ben.Events, e => e.ConversationId == mine.ConversationId);
        Assert.DoesNotContain(integrationHub.Events, e => e.Message is { Private: true });
        Assert.Contains(leadHub.Events, e => e.ConversationId == theirs.ConversationId);
        Assert.Contains(ana.Events, e => e.Type == "conversation.assigned" && e.Reason == "round-robin");
    }

    [Fact]
    public async Task A_client_dropped_while_events_flow_resumes_from_its_last_sequence_and_misses_nothing()
    {
        var (_, _, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 100);
        var first = await ConnectAsync("lead@example.test", InboxApp.AgentPassword);

        // Customers keep writing the whole time; the connection drops in the middle of it.
        var flow = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await InboxApp.PostInboundAsync(integration, $"m{i}", $"cust-{i % 4}", $"message {i}");
                await Task.Delay(15);
            }
        });
        await first.WaitForAsync(e => e.Message?.Text == "message 8");
        await first.Connection.StopAsync();
        var before = first.Events;
        await first.DisposeAsync();
        Assert.Equal(before.Count, before.Select(e => e.Seq).Distinct().Count());

        await using var second = await ConnectAsync("lead@example.test", InboxApp.AgentPassword);
        var resumed = await second.Connection.InvokeAsync<ResumeResult>("Resume", before.Max(e => e.Seq));
        Assert.False(resumed.Reload);
        Assert.Equal(resumed.Events.Count, resumed.Events.Select(e => e.Seq).Distinct().Count());
        await flow;
        await second.WaitForAsync(e => e.Message?.Text == "message 39");
        var live = second.Events;
        Assert.Equal(live.Count, live.Select(e => e.Seq).Distinct().Count());

        // What the client holds after merging by sequence: every event from its first to the last, none twice, none lost.
        var merged = before.Concat(resumed.Events).Concat(live).GroupBy(e => e.Seq).Select(g => g.First()).OrderBy(e => e.Seq).ToList();
        var from = merged[0].Seq;
        Assert.Equal(Enumerable.Range(0, merged.Count).Select(i => from + i), merged.Select(e => e.Seq));
        Assert.Equal(40, merged.Count(e => e.Type == "message.created"));
        Assert.Empty(before.Select(e => e.Seq).Intersect(resumed.Events.Select(e => e.Seq)));
    }

    [Fact]
    public async Task A_live_connection_keeps_its_agent_present_and_viewers_see_each_other_replying()
    {
        var (lead, ids, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 2, capacity: 5);
        await using var ana = await ConnectAsync("agent0@example.test", InboxApp.AgentPassword);
        await using var leadHub = await ConnectAsync("lead@example.test", InboxApp.AgentPassword);

        // 50 s later the REST availability call's presence would be gone, but the connection's heartbeats keep it.
        for (var i = 0; i < 5; i++)
        {
            _app.Time.Advance(PresenceTracker.Interval);
            await Task.Delay(100);
        }

        var board = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/queues/default/board");
        var members = board.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.True(members[ids[0]].GetProperty("present").GetBoolean());
        Assert.False(members[ids[1]].GetProperty("present").GetBoolean());

        var conversation = (await InboxApp.PostInboundAsync(integration, "v1", "cust-v", "hi")).ConversationId;
        await ana.Connection.InvokeAsync("View", conversation);
        await leadHub.Connection.InvokeAsync("View", conversation);
        await leadHub.Connection.InvokeAsync("Replying", conversation, true);
        var banner = await ana.WaitForViewersAsync(v => v.ConversationId == conversation && v.Viewers.Any(x => x.Replying));
        Assert.Equal("lead", banner.Viewers.Single(x => x.Replying).Name);

        // An agent cannot watch a conversation that is not theirs.
        var other = (await InboxApp.PostInboundAsync(integration, "v2", "cust-w", "hi")).ConversationId;
        (await lead.PostAsJsonAsync($"/api/conversations/{other}/assign", new { agentId = ids[1] })).EnsureSuccessStatusCode();
        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Connection.InvokeAsync("View", other));
        Assert.Contains("No such conversation", refused.Message, StringComparison.Ordinal);
    }
}
