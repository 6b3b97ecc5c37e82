using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Sla;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// A policy that escalates on breach (issue 12, docs/sla.md "Tiers and escalation"): the breached conversation moves
/// one tier up once, with a private note saying why, also when two nodes keep the clocks.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SlaEscalationTests(StoreServers servers)
{
    private static readonly object Policy = new
    {
        name = "Escalating",
        targets = new Dictionary<string, object?> { ["normal"] = new { firstResponseMinutes = 30, resolutionMinutes = 480 } },
        warnAtPercent = (int?)null,
        escalateOnBreach = true,
    };

    private static Task RoundAsync(InboxApp app) => app.Services.GetRequiredService<SlaKeeper>().RunOnceAsync(CancellationToken.None);

    [Theory]
    [InlineData(StoreServers.Garnet, 1)]
    [InlineData(StoreServers.Redis, 2)]
    public async Task A_breach_under_an_escalating_policy_moves_the_conversation_one_tier_up_once(string backend, int nodes)
    {
        var workspace = StoreServers.NewWorkspace();
        var apps = Enumerable.Range(0, nodes).Select(_ => new InboxApp(servers.For(backend).Redis, workspace)).ToList();

        try
        {
            var app = apps[0];
            var start = apps.Max(a => a.Time.GetUtcNow());
            apps.ForEach(a => a.Time.SetUtcNow(start));
            var admin = await app.SignInAsAdminAsync();
            var saved = await admin.PutAsJsonAsync("/api/sla-policies/escalating", Policy);
            saved.EnsureSuccessStatusCode();
            Assert.True((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("escalateOnBreach").GetBoolean());
            (await admin.PutAsJsonAsync("/api/queues/l3", new { name = "Third level", policy = "round-robin", tier = "L3" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync("/api/queues/l2", new { name = "Second level", policy = "round-robin", tier = "L2", escalatesTo = "l3" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "escalating", escalatesTo = "l2" })).EnsureSuccessStatusCode();
            var integration = await app.TokenClientAsync(admin, "inbound");
            var id = (await InboxApp.PostInboundAsync(integration, "s1", "cust-1", "nobody answers")).ConversationId;
            await Task.WhenAll(apps.Select(RoundAsync));

            apps.ForEach(a => a.Time.Advance(TimeSpan.FromMinutes(31)));
            for (var round = 0; round < 3; round++)
            {
                await Task.WhenAll(apps.Select(RoundAsync));
            }

            var conversation = await admin.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
            Assert.Equal(("l2", "L2"), (conversation.GetProperty("queue").GetString(), conversation.GetProperty("tier").GetString()));
            Assert.Equal(["firstResponse"], conversation.GetProperty("sla").GetProperty("breaches").EnumerateArray().Select(b => b.GetString()));
            var activity = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/conversations/{id}/activity");
            var escalation = Assert.Single(activity!, e => e.GetProperty("type").GetString() == "conversation.escalated");
            Assert.Equal("system", escalation.GetProperty("actorId").GetString());
            var messages = await admin.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{id}/messages");
            Assert.Single(messages!.Items, m => m.Private && m.Text == "Escalated: SLA breached (first response)");
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }
}
