using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>
/// The real stores every store test runs against: one redis-server process and one in-process Garnet for the whole
/// run. Tests never share data: each connection gets a fresh workspace, so its keys (<c>oc:{ws}:</c>) are its own.
/// </summary>
public class StoreServers : IAsyncLifetime
{
    public const string Garnet = "garnet";
    public const string Redis = "redis";

    private RedisServerProcess? _redis;
    private EmbeddedGarnet? _garnet;
    private string? _garnetDirectory;

    /// <summary>The backends a store test runs against: <c>[Theory, MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]</c>.</summary>
    public static TheoryData<string> Backends => [Garnet, Redis];

    public RedisServerProcess RedisServer => _redis ?? throw NotStarted();

    public EmbeddedGarnet GarnetServer => _garnet ?? throw NotStarted();

    /// <summary>A workspace id no other test uses.</summary>
    public static string NewWorkspace() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Options for the given backend (<c>"garnet"</c> or <c>"redis"</c>) on a fresh workspace, or on
    /// <paramref name="workspace"/> to act as another node of the same deployment.
    /// </summary>
    public StoreOptions For(string backend, string? workspace = null) => new()
    {
        Workspace = workspace ?? NewWorkspace(),
        Redis = backend switch
        {
            Garnet => GarnetServer.ConnectionString,
            Redis => RedisServer.ConnectionString,
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Expected \"garnet\" or \"redis\"."),
        },
    };

    /// <summary>A connection to the given backend, on a fresh workspace unless one is given. Dispose it at the end of the test.</summary>
    public RedisConnection Connect(string backend, string? workspace = null) => new(For(backend, workspace), embedded: null);

    public async Task InitializeAsync()
    {
        // Both take about a second to start; side by side the run waits once.
        var redis = Task.Run(RedisServerProcess.Start);
        try
        {
            _garnetDirectory = TempDirectories.Create("oc-garnet-");
            _garnet = new EmbeddedGarnet(new EmbeddedStoreOptions { MemoryLimit = "512m" }, _garnetDirectory, NullLoggerFactory.Instance);
            _garnet.EnsureStarted();
        }
        finally
        {
            _redis = await redis;
        }
    }

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        _garnet?.Dispose();
        TempDirectories.Delete(_garnetDirectory);
        return Task.CompletedTask;
    }

    private static InvalidOperationException NotStarted() => new("The store servers have not started.");
}

/// <summary>
/// A second pair of store servers for the undo-journal tests. They dump and check the whole keyspace after every cut
/// of a script, and on the shared servers the keyspace grows with every other test's data: there the roll-back test
/// took 3 minutes a backend instead of 20 seconds, and pushed the suite past its time limit.
/// </summary>
public sealed class JournalStoreServers : StoreServers;

/// <summary>
/// Store tests share <see cref="StoreServers"/> (the undo-journal tests <see cref="JournalStoreServers"/>):
/// <c>[Collection(StoreCollection.Name)]</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<StoreServers>, ICollectionFixture<JournalStoreServers>
{
    public const string Name = "store";
}
