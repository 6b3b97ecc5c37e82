using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Search;

namespace Omnichannel.Integration.Tests.Search;

/// <summary>
/// The index is this node's view of the store: a new node on the same store builds it and answers the same, and a node
/// whose place in the event log was trimmed away builds it again.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SearchRebuildTests(StoreServers servers)
{
    private static readonly string[] Queries = ["10023", "A-10023", "ana@example.com", "invoice", "refund broken"];

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_new_node_on_the_same_store_builds_the_index_and_answers_the_same(string backend)
    {
        var redis = servers.For(backend).Redis;
        var workspace = StoreServers.NewWorkspace();
        var before = new Dictionary<string, List<string>>();
        await using (var first = new InboxApp(redis, workspace))
        {
            var admin = await first.SignInAsAdminAsync();
            await SearchApiTests.SeedAsync(first, admin);
            foreach (var q in Queries)
            {
                before[q] = await SearchClient.IdsAsync(admin, q);
            }
        }

        await using var second = new InboxApp(redis, workspace);
        var again = await second.SignInAsAdminAsync();
        foreach (var q in Queries)
        {
            Assert.Equal(before[q], await SearchClient.IdsAsync(again, q));
        }

        Assert.Equal(6, before.Values.Sum(ids => ids.Count));
    }

    [Fact]
    public async Task An_index_kept_in_a_folder_is_emptied_and_built_again_at_start()
    {
        var folder = TempDirectories.Create("omnichannel-search-");
        try
        {
            var redis = servers.For(StoreServers.Redis).Redis;
            var workspace = StoreServers.NewWorkspace();
            var settings = new Dictionary<string, string> { ["Omnichannel:Search:IndexDirectory"] = folder };
            string ana;
            await using (var first = new InboxApp(redis, workspace) { Settings = settings })
            {
                var admin = await first.SignInAsAdminAsync();
                (ana, _, _) = await SearchApiTests.SeedAsync(first, admin);
                Assert.NotEmpty(Directory.GetFiles(folder));
            }

            await using var second = new InboxApp(redis, workspace) { Settings = settings };
            var again = await second.SignInAsAdminAsync();
            Assert.Equal([ana], await SearchClient.IdsAsync(again, "A-10023"));
            Assert.Equal(3, second.Services.GetRequiredService<ConversationIndex>().Count);
        }
        finally
        {
            TempDirectories.Delete(folder);
        }
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_node_whose_place_in_the_log_was_trimmed_away_builds_the_index_again(string backend)
    {
        await using var app = new InboxApp(servers.For(backend).Redis, StoreServers.NewWorkspace())
        {
            Settings = { ["Omnichannel:Store:EventLogCapacity"] = "100" },
        };
        var admin = await app.SignInAsAdminAsync();
        var (ana, _, _) = await SearchApiTests.SeedAsync(app, admin);
        var integration = await app.TokenClientAsync(admin, "inbound");
        for (var i = 0; i < 60; i++)
        {
            await InboxApp.PostInboundAsync(integration, "t" + i, "trim-" + i, "filler message " + i);
        }

        var index = app.Services.GetRequiredService<ConversationIndex>();
        var builds = index.Builds;
        // As if the node had been away while the log moved past what it keeps (the indexer may be mid-batch: repeat).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (index.Builds == builds && DateTime.UtcNow < deadline)
        {
            index.Sequence = 1;
            await Task.Delay(50);
        }

        Assert.True(index.Builds > builds, "the index was not built again");
        Assert.Equal([ana], await SearchClient.IdsAsync(admin, "A-10023"));
        Assert.Equal(60, (await SearchClient.IdsAsync(admin, "filler")).Count);
    }
}
