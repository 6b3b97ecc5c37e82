using Omnichannel.Server.Auth;
using Omnichannel.Server.Pipeline;
using OpenTelemetry.Metrics;

namespace Omnichannel.Server.Metrics;

/// <summary>
/// The operator metrics (docs/operations.md): our meter and ASP.NET Core's own (HTTP, Kestrel, the hubs'
/// connections), collected by OpenTelemetry and scraped by Prometheus at <c>/metrics</c>, by an admin or a token with
/// the <c>metrics</c> scope.
/// </summary>
public static class OperatorMetricsRegistration
{
    public const string Path = "/metrics";

    /// <summary>
    /// The meters exported besides ours. SignalR's server metrics come from the connections layer (active
    /// connections, their duration); "Microsoft.AspNetCore.SignalR.Server" is an activity source, not a meter.
    /// </summary>
    public static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
    ];

    public static IHostApplicationBuilder AddOperatorMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(InboxMetrics.MeterName)
            .AddMeter(AspNetCoreMeters)
            // Every scrape collects afresh: the gauges cache their own store reads, and a cached answer would hide
            // a count that just moved from a scraper polling faster than the cache.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static WebApplication MapOperatorMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Path)
            .RequireAuthorization(InboxPolicies.Metrics)
            .ExcludeFromDescription();
        return app;
    }
}
