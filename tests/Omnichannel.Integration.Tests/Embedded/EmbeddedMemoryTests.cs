using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Embedded;

/// <summary>
/// Garnet silently drops the oldest records once its log outgrows its memory cap. The readiness check must warn
/// well before that happens, and say so loudly if it ever did.
/// </summary>
public sealed class EmbeddedMemoryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = TempDirectories.Create("oc-memory-");

    public void Dispose() => TempDirectories.Delete(_directory);

    [Fact]
    public async Task The_readiness_check_turns_degraded_before_the_embedded_store_evicts_anything()
    {
        var options = new StoreOptions { Embedded = new EmbeddedStoreOptions { MemoryLimit = "64m", WarnAtPercent = 60, WaitForAofCommit = false } };
        using var garnet = new EmbeddedGarnet(options.Embedded, _directory, NullLoggerFactory.Instance);
        await using var connection = new RedisConnection(options, garnet);
        var monitor = new EmbeddedStoreMonitor(connection, options, TimeProvider.System, NullLogger<EmbeddedStoreMonitor>.Instance);
        var check = new StoreHealthCheck(connection, monitor);
        var db = await connection.DatabaseAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        var payload = new string('x', 1024);

        HealthStatus? firstWarning = null;
        var evicted = false;
        for (var batch = 0; batch < 200 && !evicted; batch++)
        {
            var writes = Enumerable.Range(0, 500).Select(i => db.HashSetAsync($"oc:{{default}}:fill:{batch}:{i}", [new HashEntry("body", payload)]));
            await Task.WhenAll(writes);

            var sample = await monitor.ReadAsync();
            var health = await check.CheckHealthAsync(new HealthCheckContext());
            evicted = sample.Evicted;
            if (health.Status != HealthStatus.Healthy && firstWarning is null)
            {
                firstWarning = health.Status;
                output.WriteLine($"First warning after batch {batch}: {sample.Memory.UsedFraction:P0} used, evicted={sample.Evicted}");
                Assert.Equal(HealthStatus.Degraded, health.Status);
                Assert.False(sample.Evicted);
                Assert.False((await db.HashGetAsync("oc:{default}:fill:0:0", "body")).IsNull);
            }

            if (evicted)
            {
                output.WriteLine($"Eviction after batch {batch}: health {health.Status}");
                Assert.Equal(HealthStatus.Unhealthy, health.Status);
            }
        }

        Assert.NotNull(firstWarning);
        // The store really lost data past the limit: that is what the warning is for.
        Assert.True(evicted, "The fill never reached the memory limit; make it bigger.");
        Assert.True((await db.HashGetAsync("oc:{default}:fill:0:0", "body")).IsNull);
    }
}
