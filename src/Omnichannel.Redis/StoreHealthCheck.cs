using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Ready when the store answers; for the embedded store, degraded well before its memory cap is reached.</summary>
internal sealed class StoreHealthCheck(RedisConnection connection, StoreOptions options, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var db = await connection.DatabaseAsync();
            var latency = await db.PingAsync();
            if (!connection.IsEmbedded)
            {
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
            }

            var multiplexer = await connection.MultiplexerAsync();
            var memory = await EmbeddedStoreMemory.ReadAsync(multiplexer.GetServers()[0]);
            var data = new Dictionary<string, object>
            {
                ["logBytesUsed"] = memory.LogBytesUsed,
                ["logBytesLimit"] = memory.LogBytesLimit,
                ["heapBytesUsed"] = memory.HeapBytesUsed,
                ["heapBytesLimit"] = memory.HeapBytesLimit,
            };
            var percent = memory.UsedFraction * 100;
            if (memory.RecordsEvicted)
            {
                logger.LogCritical("The embedded store evicted records past its memory limit: raise Omnichannel:Store:Embedded:MemoryLimit or move to Redis");
                return HealthCheckResult.Unhealthy("The embedded store evicted records past its memory limit", data: data);
            }

            if (percent >= options.Embedded.WarnAtPercent)
            {
                logger.LogWarning("The embedded store uses {Percent:F0}% of its memory limit {Limit}; raise Omnichannel:Store:Embedded:MemoryLimit or move to Redis before it is full",
                    percent, options.Embedded.MemoryLimit);
                return HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"Embedded store at {percent:F0}% of its memory limit"), data: data);
            }

            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Embedded store at {percent:F1}% of its memory limit"), data);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer", ex);
        }
    }
}
