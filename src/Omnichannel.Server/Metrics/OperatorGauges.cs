using System.Diagnostics.Metrics;
using Omnichannel.Core.Ports;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Server.Metrics;

/// <summary>
/// The gauges read from the store: conversations waiting per queue, agents present, replies not yet sent per channel,
/// and the embedded store's memory. A scrape refreshes them first (<see cref="RefreshAsync"/>) unless the last
/// reading is younger than <see cref="MaxAge"/>, so scrapers polling fast, or several at once, cost the store one
/// small read per interval; the instruments' callbacks only hand out that reading. A reading that failed shows no
/// value rather than an old one.
/// </summary>
public sealed partial class OperatorGauges
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly RedisOperatorGauges _store;
    private readonly string[] _outboxChannels;
    private readonly EmbeddedStoreMonitor? _embedded;
    private readonly TimeProvider _time;
    private readonly ILogger<OperatorGauges> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Reading? _latest;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    private sealed record Reading(OperatorGaugeReading Store, EmbeddedStoreMemory? Memory);

    public OperatorGauges(RedisOperatorGauges store, IEnumerable<IOutboundChannel> outboundChannels,
        EmbeddedStoreMonitor? embedded, TimeProvider time, IMeterFactory meters, ILogger<OperatorGauges> logger)
    {
        _store = store;
        _outboxChannels = [.. outboundChannels.Select(c => c.Channel).Distinct(StringComparer.Ordinal)];
        _embedded = embedded;
        _time = time;
        _logger = logger;

        var meter = meters.Create(Pipeline.InboxMetrics.MeterName);
        meter.CreateObservableGauge("omnichannel.queue.depth", () => Each(r => r.Store.QueueDepth, "queue"),
            unit: "{conversation}", description: "Conversations waiting in a queue for an agent");
        meter.CreateObservableGauge("omnichannel.agents.online", () => One(r => r.Store.AgentsOnline),
            unit: "{agent}", description: "Agents present now (a live hub connection or a recent heartbeat)");
        meter.CreateObservableGauge("omnichannel.outbox.backlog", () => Each(r => r.Store.OutboxBacklog, "channel"),
            unit: "{reply}", description: "Replies not sent yet: waiting, being sent, or scheduled for a retry");
        if (embedded is not null)
        {
            meter.CreateObservableGauge("omnichannel.store.embedded.memory.usage",
                () => One(r => r.Memory?.BytesUsed),
                unit: "By", description: "Memory the embedded Garnet store uses (log pages in memory, object heap)");
            meter.CreateObservableGauge("omnichannel.store.embedded.memory.limit",
                () => One(r => r.Memory?.BytesLimit),
                unit: "By", description: "The embedded store's memory limit; past it Garnet drops the oldest records");
        }
    }

    /// <summary>Reads the store again when the last reading is older than <see cref="MaxAge"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited for another scrape's read uses it.
            if (IsFresh())
            {
                return;
            }

            var now = _time.GetUtcNow();
            try
            {
                var store = await _store.ReadAsync(_outboxChannels, now);
                var memory = _embedded is null ? null : (await _embedded.ReadAsync()).Memory;
                _latest = new Reading(store, memory);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _latest = null;
                LogReadFailed(ex);
            }

            _readAt = now;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh() => _time.GetUtcNow() - _readAt < MaxAge;

    private IEnumerable<Measurement<long>> One(Func<Reading, long?> pick) =>
        _latest is { } reading && pick(reading) is { } value ? [new Measurement<long>(value)] : [];

    private IEnumerable<Measurement<long>> Each(Func<Reading, IReadOnlyDictionary<string, long>> pick, string tag) =>
        _latest is { } reading
            ? [.. pick(reading).Select(kv =>
                new Measurement<long>(kv.Value, new KeyValuePair<string, object?>(tag, kv.Key)))]
            : [];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not read the operator gauges from the store; the scrape shows none")]
    private partial void LogReadFailed(Exception exception);
}
