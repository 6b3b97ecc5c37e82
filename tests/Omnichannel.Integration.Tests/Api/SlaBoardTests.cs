using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Sla;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>The lead board's SLA counts (issue 12, docs/sla.md "On the board"): at risk and breached, with the conversations.</summary>
[Collection(StoreCollection.Name)]
public sealed class SlaBoardTests(StoreServers servers)
{
    private static readonly object Policy = new
    {
        name = "Around the clock",
        targets = new Dictionary<string, object?>
        {
            ["normal"] = new { firstResponseMinutes = 30, resolutionMinutes = 480 },
            ["urgent"] = new { firstResponseMinutes = 10, resolutionMinutes = 120 },
        },
        warnAtPercent = 80,
    };

    private static Task RoundAsync(InboxApp app) => app.Services.GetRequiredService<SlaKeeper>().RunOnceAsync(CancellationToken.None);

    private static async Task<(int AtRisk, int Breached, List<string> AtRiskIds, List<string> BreachedIds)> BoardAsync(HttpClient lead)
    {
        var board = await lead.GetFromJsonAsync<JsonElement>("/api/queues/default/board");
        static List<string> Ids(JsonElement e) => [.. e.EnumerateArray().Select(i => i.GetString()!)];
        return (board.GetProperty("slaAtRisk").GetInt32(), board.GetProperty("slaBreached").GetInt32(),
            Ids(board.GetProperty("slaAtRiskConversations")), Ids(board.GetProperty("slaBreachedConversations")));
    }

    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task The_board_counts_the_conversations_past_their_warning_and_those_breached(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/sla-policies/clock", Policy)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "clock" })).EnsureSuccessStatusCode();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var normal = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "a question")).ConversationId;
        var urgent = (await InboxApp.PostInboundAsync(integration, "s2", "cust-2", "all is down")).ConversationId;
        (await admin.PutAsJsonAsync($"/api/conversations/{urgent}/priority", new { priority = "urgent" })).EnsureSuccessStatusCode();
        await RoundAsync(app);
        var board = await BoardAsync(admin);
        Assert.Equal((0, 0), (board.AtRisk, board.Breached));

        // The urgent one is past its warning (8 of 10 minutes), the normal one is not (24 of 30).
        app.Time.Advance(TimeSpan.FromMinutes(9));
        await RoundAsync(app);
        board = await BoardAsync(admin);
        Assert.Equal((1, 0), (board.AtRisk, board.Breached));
        Assert.Equal([urgent], board.AtRiskIds);

        // The urgent one breached; the normal one now past its warning.
        app.Time.Advance(TimeSpan.FromMinutes(16));
        await RoundAsync(app);
        board = await BoardAsync(admin);
        Assert.Equal([normal], board.AtRiskIds);
        Assert.Equal([urgent], board.BreachedIds);

        // Answered and resolved, a breached conversation leaves the board.
        (await admin.PostAsJsonAsync($"/api/conversations/{urgent}/status", new { status = "resolved" })).EnsureSuccessStatusCode();
        await RoundAsync(app);
        board = await BoardAsync(admin);
        Assert.Equal((1, 0), (board.AtRisk, board.Breached));
    }
}
