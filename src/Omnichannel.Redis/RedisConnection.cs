using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>One multiplexer for the process, connected on first use (to the embedded store once it has started).</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    /// <param name="undoJournal">
    /// Whether scripts keep an undo journal (journal.lua); by default on the embedded store only, as Garnet can
    /// recover a script half applied and redis-server cannot.
    /// </param>
    public RedisConnection(StoreOptions options, EmbeddedGarnet? embedded, bool? undoJournal = null)
    {
        Keys = new RedisKeys(options.Workspace);
        EventLogCapacity = options.EventLogCapacity;
        IsEmbedded = embedded is not null;
        UndoJournal = undoJournal ?? IsEmbedded;
        _multiplexer = new(() => ConnectAsync(options, embedded));
    }

    public RedisKeys Keys { get; }

    public int EventLogCapacity { get; }

    public bool IsEmbedded { get; }

    /// <summary>Whether the scripts that support it keep an undo journal (docs/store.md, crash atomicity).</summary>
    public bool UndoJournal { get; }

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    public Task<ConnectionMultiplexer> MultiplexerAsync() => _multiplexer.Value;

    private static async Task<ConnectionMultiplexer> ConnectAsync(StoreOptions options, EmbeddedGarnet? embedded)
    {
        string connectionString;
        if (embedded is not null)
        {
            embedded.EnsureStarted();
            connectionString = embedded.ConnectionString;
        }
        else
        {
            connectionString = options.Redis!;
        }

        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "omnichannel";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            var multiplexer = await _multiplexer.Value;
            await multiplexer.CloseAsync();
            await multiplexer.DisposeAsync();
        }
    }
}
