using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Redis;

namespace Omnichannel.Bench;

/// <summary>
/// Calls <see cref="RedisConversationStore.IngestAsync"/> directly over one multiplexer, as a server node does:
/// the floor under the API figures (one ingest script per message, no HTTP, auth or mediator).
/// </summary>
internal sealed class StoreTarget(RedisConnection connection) : IIngestTarget
{
    private readonly RedisConversationStore _store = new(connection);

    public string Mode => "store";

    // On Garnet with the undo journal, as the server runs its embedded store.
    public static StoreTarget Create(IStoreBackend backend) =>
        new(new RedisConnection(new StoreOptions { Redis = backend.ConnectionString, Workspace = "bench" }, null,
            undoJournal: backend is EmbeddedGarnetBackend));

    public async Task<LoadResult> IngestAsync(string runTag, LoadShape load, CancellationToken cancellationToken)
    {
        var messages = new BenchMessages(runTag, load.Threads);
        var created = 0;
        var result = await LoadRunner.RunAsync(load.Messages, load.Clients, load.TimeLimit, async (i, ct) =>
        {
            var message = new InboundMessage
            {
                Channel = ChannelNames.Api,
                Account = "default",
                ExternalId = messages.ExternalId(i),
                Sender = new ContactIdentity(IdentityKinds.Api, messages.Customer(i)),
                SenderName = messages.CustomerName(i),
                ThreadKey = messages.ThreadKey(i),
                Text = messages.Text(i),
            };
            var outcome = await _store.IngestAsync(message, DateTimeOffset.UtcNow, ct);
            if (outcome.ConversationCreated)
            {
                Interlocked.Increment(ref created);
            }

            // Every external id is new, so a duplicate means the dedup key or the script is wrong.
            return outcome.Duplicate ? "reported as duplicate" : null;
        }, cancellationToken);

        // Concurrent first messages of one thread must still make one conversation: the script's find-or-create is atomic.
        var expected = Math.Min(load.Threads, result.Count);
        if (created == expected)
        {
            return result;
        }

        var errors = new Dictionary<string, int>(result.Errors, StringComparer.Ordinal)
        {
            [$"{created} conversations created for {expected} threads"] = Math.Abs(created - expected),
        };
        return result with { Errors = errors };
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
