using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Omnichannel.Server.Pipeline;

/// <summary>
/// The server's instruments, exported through System.Diagnostics.Metrics (dotnet-counters, OpenTelemetry and its
/// Prometheus scrape at <c>/metrics</c>). Every series and its meaning: docs/operations.md.
/// </summary>
public sealed class InboxMetrics
{
    public const string MeterName = "Omnichannel";

    /// <summary>Seconds, from a millisecond (an answer from memory) to ten (a store or a channel stuck).</summary>
    public static readonly double[] LatencyBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _pushDelay;
    private readonly Counter<long> _sendFailures;

    public InboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        _requests = meter.CreateCounter<long>("omnichannel.requests", unit: "{request}",
            description: "Mediator requests handled");
        // IngestMessage's series is the ingest latency: validation, the one ingest script, and the notifications.
        _duration = meter.CreateHistogram("omnichannel.request.duration", unit: "s",
            description: "Time to handle a mediator request", advice: advice);
        _pushDelay = meter.CreateHistogram("omnichannel.inbound.push.delay", unit: "s",
            description: "From storing an inbound message to pushing it to this node's agent hub connections",
            advice: advice);
        _sendFailures = meter.CreateCounter<long>("omnichannel.outbox.send.failures", unit: "{attempt}",
            description: "Failed reply send attempts, by channel and whether the reply is retried or failed for good");
    }

    public void RecordRequest(string request, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "request", request }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>An inbound message stored at <paramref name="storedAt"/> just reached the agents' screens.</summary>
    public void RecordPush(string channel, DateTimeOffset storedAt, DateTimeOffset now) =>
        _pushDelay.Record(Math.Max(0, (now - storedAt).TotalSeconds),
            new KeyValuePair<string, object?>("channel", channel));

    /// <param name="final">True when the reply is failed for good; false when it is tried again later.</param>
    public void RecordSendFailure(string channel, bool final) =>
        _sendFailures.Add(1, new KeyValuePair<string, object?>("channel", channel),
            new KeyValuePair<string, object?>("final", final ? "true" : "false"));
}
