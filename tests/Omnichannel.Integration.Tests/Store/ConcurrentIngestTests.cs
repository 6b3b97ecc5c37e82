using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Many messages at once: the store's scripts must keep every conversation, sequence, index and event exact with no
/// coordination outside the store. On Redis they come from several connections, as several server nodes send them.
/// The embedded Garnet serves one node, whose single multiplexer connection is one Garnet session: Garnet does not
/// isolate a script from other sessions (its --lua-transaction-mode only locks the declared keys and then lets plain
/// reads of the others race the script and lose their connection), so there the callers race on one connection.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ConcurrentIngestTests(StoreServers servers)
{
    private const int Threads = 100;
    private const int MessagesPerThread = 10;
    private const int MaxInFlight = 64;

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_thousand_concurrent_messages_make_exactly_one_conversation_per_thread_with_gapless_sequences(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var messages = AllMessages();

        var results = await IngestConcurrentlyAsync(store, servers, backend, Shuffled(messages));

        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.Equal(Threads, results.Count(r => r.ConversationCreated));
        await AssertEveryThreadIsOneCompleteConversationAsync(store, messages, results);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Every_message_delivered_twice_concurrently_is_still_stored_once(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var messages = AllMessages();

        // Both copies race each other, often on different nodes.
        var results = await IngestConcurrentlyAsync(store, servers, backend, Shuffled([.. messages, .. messages]));

        Assert.Equal(messages.Count, results.Count(r => r.Duplicate));
        Assert.Equal(Threads, results.Count(r => r.ConversationCreated));
        // The copy that lost the race points at what the winner stored.
        foreach (var copies in results.GroupBy(r => r.MessageId))
        {
            Assert.Equal(2, copies.Count());
            Assert.Single(copies, c => !c.Duplicate);
            Assert.Single(copies.Select(c => (c.ConversationId, c.ContactId)).Distinct());
        }

        await AssertEveryThreadIsOneCompleteConversationAsync(store, messages, [.. results.Where(r => !r.Duplicate)]);
    }

    private static List<InboundMessage> AllMessages() =>
    [
        .. from thread in Enumerable.Range(0, Threads)
           from n in Enumerable.Range(1, MessagesPerThread)
           select Inbound.Message($"sender-{thread}", $"t{thread}-m{n}", thread: $"thread-{thread}"),
    ];

    private static List<InboundMessage> Shuffled(List<InboundMessage> messages)
    {
        var shuffled = messages.ToArray();
        new Random(20260302).Shuffle(shuffled);
        return [.. shuffled];
    }

    private static async Task<IngestResult[]> IngestConcurrentlyAsync(StoreUnderTest store, StoreServers servers, string backend, List<InboundMessage> messages)
    {
        // Extra connections on the same workspace, each with its own server session, stand in for other nodes.
        var nodes = backend == StoreServers.Redis ? 4 : 1;
        var others = Enumerable.Range(1, nodes - 1).Select(_ => servers.Connect(backend, store.Workspace)).ToList();
        try
        {
            var stores = new List<RedisConversationStore> { store.Conversations };
            stores.AddRange(others.Select(c => new RedisConversationStore(c)));
            // Enough in flight to keep every connection busy and the scripts racing, few enough that no request
            // queues behind hundreds of others past the client's timeout (Garnet waits for its AOF commit per write).
            using var inFlight = new SemaphoreSlim(MaxInFlight);
            var tasks = messages.Select((message, i) => Task.Run(async () =>
            {
                await inFlight.WaitAsync();
                try
                {
                    return await stores[i % stores.Count].IngestAsync(message, T0.AddMilliseconds(i));
                }
                finally
                {
                    inFlight.Release();
                }
            }));
            return await Task.WhenAll(tasks);
        }
        finally
        {
            foreach (var connection in others)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task AssertEveryThreadIsOneCompleteConversationAsync(StoreUnderTest store, List<InboundMessage> messages, IngestResult[] stored)
    {
        var conversations = await ListAllAsync(store.Conversations);
        Assert.Equal(Threads, conversations.Count);
        Assert.Equal(Threads, conversations.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Threads, conversations.Select(c => c.ContactId).Distinct().Count());
        Assert.All(conversations, c =>
        {
            Assert.Equal(ConversationStatus.Open, c.Status);
            Assert.Null(c.AssigneeId);
            Assert.Equal(MessagesPerThread, c.MessageCount);
        });

        var threadOfExternalId = messages.ToDictionary(m => m.ExternalId, m => m.ThreadKey!);
        var conversationOfMessage = stored.ToDictionary(r => r.MessageId, r => r.ConversationId);
        foreach (var conversation in conversations)
        {
            var page = await store.Conversations.ListMessagesAsync(conversation.Id, null, 100);
            Assert.Null(page.NextCursor);
            Assert.Equal(Enumerable.Range(1, MessagesPerThread).Reverse().Select(i => (long)i), page.Items.Select(m => m.Sequence));
            Assert.All(page.Items, m => Assert.Equal(conversation.Id, conversationOfMessage[m.Id]));
            // All ten of one thread's messages, and only those.
            Assert.Single(page.Items.Select(m => threadOfExternalId[m.ExternalId!]).Distinct());
        }

        Assert.Equal(Threads, await store.Db.SortedSetLengthAsync(store.Keys.IndexUnassigned("default", "open")));
        Assert.Equal(Threads, await store.Db.SortedSetLengthAsync(store.Keys.IndexUnassigned("default", null)));
        Assert.Equal(Threads, await store.Db.SortedSetLengthAsync(store.Keys.IndexAll(null)));
        Assert.Equal(Threads, await store.Db.SortedSetLengthAsync(store.Keys.IndexAll("open")));

        var expectedEvents = Threads + messages.Count;
        Assert.Equal(expectedEvents, (long)await store.Db.StringGetAsync(store.Keys.EventSequence));
        var events = await store.Conversations.ReadEventsAsync(0, expectedEvents + 10);
        Assert.Equal(Enumerable.Range(1, expectedEvents).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(Threads, events.Count(e => e.Type == "conversation.created"));
        Assert.Equal(messages.Count, events.Count(e => e.Type == "message.created"));
    }

    private static async Task<List<Conversation>> ListAllAsync(RedisConversationStore conversations)
    {
        var all = new List<Conversation>();
        string? cursor = null;
        do
        {
            var page = await conversations.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, cursor, 30));
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }
}
