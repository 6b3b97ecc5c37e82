using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// Watches the embedded store's memory every 30 seconds: a warning from <see cref="EmbeddedStoreOptions.WarnAtPercent"/>,
/// a critical error if records were ever evicted since start (the log's begin address moved, or records sit below
/// its head address). The readiness check reports the same state.
/// </summary>
public sealed class EmbeddedStoreMonitor(RedisConnection connection, StoreOptions options, TimeProvider time, ILogger<EmbeddedStoreMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private long _baselineBegin = -1;

    public sealed record Sample(EmbeddedStoreMemory Memory, bool Evicted, bool OverWarning);

    /// <summary>Reads the store now. The first reading after start is the baseline for eviction.</summary>
    public async Task<Sample> ReadAsync()
    {
        var multiplexer = await connection.MultiplexerAsync();
        var memory = await EmbeddedStoreMemory.ReadAsync(multiplexer.GetServers()[0]);
        Interlocked.CompareExchange(ref _baselineBegin, memory.BeginAddress, -1);
        var evicted = memory.BeginAddress > Interlocked.Read(ref _baselineBegin) || memory.HeadAddress > memory.BeginAddress;
        return new Sample(memory, evicted, memory.UsedFraction * 100 >= options.Embedded.WarnAtPercent);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var sample = await ReadAsync();
                if (sample.Evicted)
                {
                    logger.LogCritical("The embedded store has evicted records past its memory limit {Limit}: data was lost. Raise Omnichannel:Store:Embedded:MemoryLimit and move to Redis",
                        options.Embedded.MemoryLimit);
                }
                else if (sample.OverWarning)
                {
                    logger.LogWarning("The embedded store uses {Percent:F0}% of its memory limit {Limit}; past it Garnet drops records. Raise Omnichannel:Store:Embedded:MemoryLimit or move to Redis",
                        sample.Memory.UsedFraction * 100, options.Embedded.MemoryLimit);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not read the embedded store's memory");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
