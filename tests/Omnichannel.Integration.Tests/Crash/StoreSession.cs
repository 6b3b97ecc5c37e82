using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The test's own connection to the embedded store a running server serves from its data folder, found as
/// <c>check</c> finds it (the port in <c>embedded-store.endpoint</c>, the password in <c>store.password</c>), with
/// the real store classes on top. One multiplexer, so one connection: Garnet does not isolate a script from another
/// connection's commands, and the server itself only reads while the test writes (docs/store.md).
/// </summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private StoreSession(int generation, RedisConnection connection, IDatabase db)
    {
        Generation = generation;
        Connection = connection;
        Db = db;
        Conversations = new RedisConversationStore(connection);
        Assignments = new RedisAssignmentStore(connection);
        Agents = new RedisAgentStore(connection);
    }

    /// <summary>Which start of the server this session talks to (0 = the first).</summary>
    public int Generation { get; }

    public RedisConnection Connection { get; }

    public IDatabase Db { get; }

    public RedisConversationStore Conversations { get; }

    public RedisAssignmentStore Assignments { get; }

    public RedisAgentStore Agents { get; }

    /// <param name="undoJournal">Whether the scripts keep their undo journal, as the embedded server's own do.</param>
    public static async Task<StoreSession> OpenAsync(string dataDirectory, bool undoJournal, int generation)
    {
        var port = EmbeddedStoreEndpoint.RunningPort(dataDirectory)
            ?? throw new InvalidOperationException($"No running server serves the embedded store in {dataDirectory}.");
        var password = EmbeddedStoreSecrets.ReadPassword(dataDirectory)
            ?? throw new InvalidOperationException($"{dataDirectory} holds no store password.");
        // Timeouts well above the default 5 s: every write waits for an append-only file flush on a busy machine,
        // and a slow write is not a lost one.
        var options = new StoreOptions
        {
            Redis = $"127.0.0.1:{port},password={password},name=store-path-crash,syncTimeout=20000,asyncTimeout=20000",
            DataDirectory = dataDirectory,
        };
        var connection = new RedisConnection(options, embedded: null, undoJournal);
        return new StoreSession(generation, connection, await connection.DatabaseAsync());
    }

    /// <summary>
    /// Closes at once, failing what is still in flight: after a kill nothing will answer it, and waiting for the
    /// commands to time out would only slow the next start.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var multiplexer = await Connection.MultiplexerAsync();
        await multiplexer.CloseAsync(allowCommandsToComplete: false);
        await Connection.DisposeAsync();
    }
}
