using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The embedded store keeps its data across restarts, clean or not. Each test runs its own Garnet instances on its
/// own data folders (not the shared server), with the production defaults: AOF, recover on start, commit wait.
/// </summary>
public sealed class GarnetPersistenceTests : IDisposable
{
    private const string Workspace = "persisted";
    private const int Threads = 5;
    private const int MessagesPerThread = 4;

    private readonly List<string> _directories = [];

    [Fact]
    public async Task Everything_written_is_back_after_the_host_stops_the_store_and_it_starts_again()
    {
        var directory = NewDirectory();
        Written written;
        using (var garnet = NewGarnet(directory))
        {
            await using var store = await OpenAsync(Options(), garnet);
            var host = new EmbeddedGarnetHostedService(garnet, store.Connection, NullLogger<EmbeddedGarnetHostedService>.Instance);
            await host.StartAsync(CancellationToken.None);
            written = await WriteAsync(store);

            // What the generic host does at shutdown: checkpoint (SAVE), flush the AOF, stop.
            await host.StopAsync(CancellationToken.None);
            Assert.False(garnet.IsRunning);
        }

        using var restarted = NewGarnet(directory);
        await using var reopened = await OpenAsync(Options(), restarted);
        await AssertAllThereAsync(reopened, written);
    }

    [Fact]
    public async Task Everything_written_is_back_after_a_stop_without_a_checkpoint()
    {
        var directory = NewDirectory();
        Written written;
        using (var garnet = NewGarnet(directory))
        {
            await using var store = await OpenAsync(Options(), garnet);
            written = await WriteAsync(store);
            // No SAVE: the next start has no checkpoint and replays the append-only file alone.
            garnet.Stop();
        }

        using var restarted = NewGarnet(directory);
        await using var reopened = await OpenAsync(Options(), restarted);
        await AssertAllThereAsync(reopened, written);
    }

    [Fact]
    public async Task Every_acknowledged_write_is_back_after_a_crash()
    {
        // A hard kill (kill -9, Process.Kill) ends the process without flushing or checkpointing anything: what the
        // next start finds is exactly the files as they are on disk at that instant, including whatever the kernel
        // holds in its page cache (a killed process does not lose that; only a power cut would). Copying the data
        // folder while the server still runs, and starting a second server on the copy, reproduces that state in
        // this process: the first server never gets to stop, flush or checkpoint before the copy is taken. With
        // the default commit wait a write is acknowledged only once it is in the append-only file, so everything
        // the client was told is stored must be in the copy.
        var directory = NewDirectory();
        var crashed = NewDirectory();
        var running = NewGarnet(directory);
        Written written;
        try
        {
            await using var store = await OpenAsync(Options(), running);
            written = await WriteAsync(store);
            TempDirectories.Copy(directory, crashed);
        }
        finally
        {
            // Only frees the port and threads of the abandoned server; the crash image was taken above.
            running.Dispose();
        }

        using var recovered = NewGarnet(crashed);
        await using var reopened = await OpenAsync(Options(), recovered);
        await AssertAllThereAsync(reopened, written);
    }

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            TempDirectories.Delete(directory);
        }
    }

    private sealed record Written(IReadOnlyList<string> ConversationIds, string RepliedConversationId, string ReplyId, string ResolvedConversationId, string ContactId, long LastEventSequence);

    private string NewDirectory()
    {
        var directory = TempDirectories.Create("oc-persist-");
        _directories.Add(directory);
        return directory;
    }

    private static EmbeddedGarnet NewGarnet(string directory) =>
        new(new EmbeddedStoreOptions { MemoryLimit = "128m" }, directory, NullLoggerFactory.Instance);

    private static StoreOptions Options() => new() { Workspace = Workspace };

    private static async Task<Written> WriteAsync(StoreUnderTest store)
    {
        var results = new List<IngestResult>();
        for (var n = 1; n <= MessagesPerThread; n++)
        {
            for (var t = 0; t < Threads; t++)
            {
                results.Add(await store.Conversations.IngestAsync(Inbound.Message($"sender-{t}", $"t{t}-m{n}", thread: $"thread-{t}"), T0.AddSeconds(results.Count)));
            }
        }

        var ids = results.Select(r => r.ConversationId).Distinct().ToList();
        var reply = await store.Conversations.AppendOutboundAsync(new(ids[0], AuthorKind.Agent, "agent-1", "Agent One", "Done.", false), T0.AddMinutes(5));
        await store.Conversations.AssignAsync(ids[0], "agent-1", "manual", "lead-1", T0.AddMinutes(6));
        var resolved = await store.Conversations.ChangeStatusAsync(ids[1], ConversationStatus.Resolved, null, "agent-1", T0.AddMinutes(7));
        await store.Agents.TryCreateAsync(new Agent("agent-1", "agent@example.com", "Agent One", AgentRole.Agent, 5, ["default"], "hash", "stamp", T0));
        await store.Tokens.CreateAsync(new ApiToken("token-1", "CRM", [ApiScopes.Inbound], "secret-hash", "agent-1", T0));
        return new Written(ids, ids[0], reply!.MessageId, ids[1], results[0].ContactId, resolved!.EventSequence);
    }

    private static async Task AssertAllThereAsync(StoreUnderTest store, Written written)
    {
        var conversations = await store.Conversations.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, null, 50));
        Assert.Equal(written.ConversationIds.Order(StringComparer.Ordinal), conversations.Items.Select(c => c.Id).Order(StringComparer.Ordinal));
        foreach (var conversation in conversations.Items)
        {
            var replied = conversation.Id == written.RepliedConversationId;
            var messages = await store.Conversations.ListMessagesAsync(conversation.Id, null, 50);
            Assert.Equal(MessagesPerThread + (replied ? 1 : 0), messages.Items.Count);
            Assert.Equal(messages.Items.Count, conversation.MessageCount);
            Assert.Equal(Enumerable.Range(1, messages.Items.Count).Reverse().Select(i => (long)i), messages.Items.Select(m => m.Sequence));
        }

        var repliedTo = await store.Conversations.GetConversationAsync(written.RepliedConversationId);
        Assert.Equal(("agent-1", T0.AddMinutes(5)), (repliedTo!.AssigneeId, repliedTo.FirstResponseAt));
        Assert.Equal(DeliveryState.Pending, (await store.Conversations.GetMessageAsync(written.ReplyId))!.Delivery);
        Assert.Equal(ConversationStatus.Resolved, (await store.Conversations.GetConversationAsync(written.ResolvedConversationId))!.Status);
        Assert.NotNull(await store.Conversations.GetContactAsync(written.ContactId));
        Assert.Equal("agent-1", (await store.Agents.FindByEmailAsync("agent@example.com"))?.Id);
        Assert.Equal("CRM", (await store.Tokens.GetAsync("token-1"))?.Name);

        var events = await store.Conversations.ReadEventsAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, (int)written.LastEventSequence).Select(i => (long)i), events.Select(e => e.Sequence));

        // The store carries on where it was: a duplicate is still a duplicate, and sequences continue without reuse.
        var duplicate = await store.Conversations.IngestAsync(Inbound.Message("sender-0", "t0-m1", thread: "thread-0"), T0.AddHours(1));
        Assert.True(duplicate.Duplicate);
        var next = await store.Conversations.IngestAsync(Inbound.Message("sender-0", "t0-m5", thread: "thread-0"), T0.AddHours(1));
        Assert.Equal(written.LastEventSequence + 1, next.EventSequence);
    }
}
