using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Ready when the store answers; for the embedded store, degraded well before its memory limit is reached.</summary>
internal sealed class StoreHealthCheck(RedisConnection connection, EmbeddedStoreMonitor? monitor = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var db = await connection.DatabaseAsync();
            var latency = await db.PingAsync();
            if (monitor is null)
            {
                return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Redis answered in {latency.TotalMilliseconds:F1} ms"));
            }

            var sample = await monitor.ReadAsync();
            var data = new Dictionary<string, object>
            {
                ["bytesUsed"] = sample.Memory.BytesUsed,
                ["bytesLimit"] = sample.Memory.BytesLimit,
            };
            var percent = string.Create(CultureInfo.InvariantCulture, $"{sample.Memory.UsedFraction * 100:F0}%");
            if (sample.Evicted)
            {
                return HealthCheckResult.Unhealthy("The embedded store evicted records past its memory limit: data was lost", data: data);
            }

            return sample.OverWarning
                ? HealthCheckResult.Degraded($"The embedded store uses {percent} of its memory limit", data: data)
                : HealthCheckResult.Healthy($"The embedded store uses {percent} of its memory limit", data);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer", ex);
        }
    }
}
