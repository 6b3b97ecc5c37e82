using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class DemoSeedTests(StoreServers servers)
{
    [Fact]
    public async Task The_demo_seed_fills_an_empty_workspace_once_with_every_channel_queues_shifts_and_assignments()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.For(StoreServers.Garnet).Redis;
        var settings = new Dictionary<string, string> { ["Omnichannel:Demo:Seed"] = "true" };
        await using (var app = new InboxApp(redis, workspace) { Settings = settings })
        {
            var admin = await app.SignInAsAdminAsync();
            var all = await admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all&limit=100");
            Assert.Equal(10, all!.Items.Count);
            Assert.Equal(["api", "email", "telegram", "webchat"], all.Items.Select(c => c.Channel).Distinct().Order());
            Assert.Contains(all.Items, c => c.AssigneeId is null && c.Status == "open");
            Assert.Contains(all.Items, c => c.Status == "resolved");
            Assert.Contains(all.Items, c => c.Queue == "l2");

            var queues = await admin.GetFromJsonAsync<List<JsonElement>>("/api/queues");
            Assert.Equal(["default", "l2"], queues!.Select(q => q.GetProperty("id").GetString()));
            var shifts = await admin.GetFromJsonAsync<List<JsonElement>>("/api/shifts");
            Assert.Equal(3, shifts!.Count);
            var agents = await admin.GetFromJsonAsync<List<JsonElement>>("/api/agents");
            Assert.Equal(8, agents!.Count);
        }

        // A second start on the same workspace adds nothing.
        await using var again = new InboxApp(redis, workspace) { Settings = settings };
        var adminAgain = await again.SignInAsAdminAsync();
        var after = await adminAgain.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all&limit=100");
        Assert.Equal(10, after!.Items.Count);
    }
}
