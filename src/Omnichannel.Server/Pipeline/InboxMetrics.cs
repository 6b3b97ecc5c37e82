using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Omnichannel.Server.Pipeline;

/// <summary>The server's instruments, exported through System.Diagnostics.Metrics (dotnet-counters, OpenTelemetry).</summary>
public sealed class InboxMetrics
{
    public const string MeterName = "Omnichannel";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public InboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("omnichannel.requests", description: "Mediator requests handled");
        _duration = meter.CreateHistogram<double>("omnichannel.request.duration", unit: "ms", description: "Time to handle a mediator request");
    }

    public void RecordRequest(string request, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "request", request }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalMilliseconds, tags);
    }
}
