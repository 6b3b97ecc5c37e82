using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>One multiplexer for the process, connected on first use (to the embedded store once it has started).</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(StoreOptions options, EmbeddedGarnet? embedded)
    {
        Keys = new RedisKeys(options.Workspace);
        EventLogCapacity = options.EventLogCapacity;
        IsEmbedded = embedded is not null;
        _multiplexer = new(() => ConnectAsync(options, embedded));
    }

    public RedisKeys Keys { get; }

    public int EventLogCapacity { get; }

    public bool IsEmbedded { get; }

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
