using System.Diagnostics.Metrics;
using Omnichannel.Core.Ports;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
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
        builder.Services.AddSingleton<RedisOperatorGauges>();
        // Built with the first scrape's request, not at start: its instruments exist only where someone scrapes.
        builder.Services.AddSingleton(sp => new OperatorGauges(
            sp.GetRequiredService<RedisOperatorGauges>(),
            sp.GetServices<IOutboundChannel>(),
            sp.GetService<EmbeddedStoreMonitor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IMeterFactory>(),
            sp.GetRequiredService<ILogger<OperatorGauges>>()));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(InboxMetrics.MeterName)
            .AddMeter(AspNetCoreMeters)
            // Every scrape collects afresh: the gauges cache their own store reads, and a cached answer would hide
            // a count that just moved from a scraper polling faster than the cache.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        // Meters are found by name in the whole process: keep only this host's (made by its meter factory), so two
        // hosts in one process (the integration tests, or a host beside a tool) never count each other's traffic.
        // Meters made without a factory have no scope and stay.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
        {
            var ours = services.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument =>
                instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, ours)
                    ? null
                    : MetricStreamConfiguration.Drop);
        });
        return builder;
    }

    public static WebApplication MapOperatorMetrics(this WebApplication app)
    {
        // The gauges read from the store are refreshed in the scrape's own pipeline, after authorization (a caller
        // without the right to scrape never makes the server read the store) and before the exporter collects.
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(
                async (context, next) =>
                {
                    var gauges = context.RequestServices.GetRequiredService<OperatorGauges>();
                    await gauges.RefreshAsync(context.RequestAborted);
                    await next(context);
                }), optionsName: null)
            .RequireAuthorization(InboxPolicies.Metrics)
            .ExcludeFromDescription();
        return app;
    }
}
