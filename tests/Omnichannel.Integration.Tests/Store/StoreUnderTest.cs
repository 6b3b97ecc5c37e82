using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The stores over one fresh workspace of one backend, plus the raw database so a test can check the key schema
/// (indices, outbox, event log) that other nodes and later releases rely on.
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private StoreUnderTest(string workspace, RedisConnection connection, IDatabase db)
    {
        Workspace = workspace;
        Connection = connection;
        Db = db;
        Conversations = new RedisConversationStore(connection);
        Agents = new RedisAgentStore(connection);
        Tokens = new RedisApiTokenStore(connection);
        Shifts = new RedisShiftStore(connection);
        Queues = new RedisQueueStore(connection);
        Assignments = new RedisAssignmentStore(connection);
        Audit = new RedisAuditLog(connection);
    }

    /// <summary>The moment every test's clock starts from; tests pass times explicitly, as the store's callers do.</summary>
    public static DateTimeOffset T0 { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public string Workspace { get; }

    public RedisConnection Connection { get; }

    public RedisKeys Keys => Connection.Keys;

    public IDatabase Db { get; }

    public RedisConversationStore Conversations { get; }

    public RedisAgentStore Agents { get; }

    public RedisApiTokenStore Tokens { get; }

    public RedisShiftStore Shifts { get; }

    public RedisQueueStore Queues { get; }

    public RedisAssignmentStore Assignments { get; }

    public RedisAuditLog Audit { get; }

    /// <summary>
    /// The stores on a fresh workspace of the backend. On Garnet the scripts keep their undo journal, as on the
    /// embedded store, so every store test also runs the journaled scripts.
    /// </summary>
    public static Task<StoreUnderTest> OpenAsync(StoreServers servers, string backend, bool? undoJournal = null) =>
        OpenAsync(servers.For(backend), embedded: null, undoJournal ?? backend == StoreServers.Garnet);

    public static async Task<StoreUnderTest> OpenAsync(StoreOptions options, EmbeddedGarnet? embedded,
        bool? undoJournal = null)
    {
        var connection = new RedisConnection(options, embedded, undoJournal);
        return new StoreUnderTest(options.Workspace, connection, await connection.DatabaseAsync());
    }

    /// <summary>Whether the conversation is a member of the index key (a full key, e.g. from <see cref="Keys"/>).</summary>
    public async Task<bool> InIndexAsync(string key, string conversationId) =>
        (await Db.SortedSetScoreAsync(key, conversationId)).HasValue;

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
