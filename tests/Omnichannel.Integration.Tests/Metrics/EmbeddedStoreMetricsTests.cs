using System.Net;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Metrics;

/// <summary>The scrape of a server on its own embedded Garnet: its memory; no trace in the API description.</summary>
public sealed class EmbeddedStoreMetricsTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectories.Create("oc-metrics-");

    public void Dispose() => TempDirectories.Delete(_dataDirectory);

    private InboxApp StartApp() =>
        new(redisConnectionString: null, workspace: "default", dataDirectory: _dataDirectory);

    [Fact]
    public async Task The_embedded_store_reports_its_memory_in_use_below_its_limit()
    {
        await using var app = StartApp();
        var admin = await app.SignInAsAdminAsync();

        var text = await admin.GetStringAsync("/metrics");

        var used = PrometheusText.Value(text, "omnichannel_store_embedded_memory_usage_bytes");
        var limit = PrometheusText.Value(text, "omnichannel_store_embedded_memory_limit_bytes");
        Assert.InRange(used, 1, limit - 1);
        // InboxApp caps the embedded store at 256m; Garnet reports the cap it sized its log for.
        Assert.InRange(limit, 128L << 20, 256L << 20);
    }

    [Fact]
    public async Task The_scrape_is_not_part_of_the_api_description()
    {
        await using var app = StartApp();

        var openApi = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var scrape = await app.CreateClient().GetAsync("/metrics");

        Assert.DoesNotContain("\"/metrics\"", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, scrape.StatusCode);
    }
}
