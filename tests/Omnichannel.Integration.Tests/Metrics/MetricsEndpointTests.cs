using System.Net;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Metrics;

namespace Omnichannel.Integration.Tests.Metrics;

/// <summary>
/// The Prometheus scrape at <c>/metrics</c>: who may read it, and that its series count what happened (values, not
/// only names).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class MetricsEndpointTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignInAsAdminAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_credentials_the_scrape_is_refused_with_401()
    {
        var response = await _app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_a_lead_and_a_token_without_the_metrics_scope_are_refused_with_403()
    {
        await _app.CreateAgentAsync(_admin, "ana@example.test");
        await _app.CreateAgentAsync(_admin, "lee@example.test", role: "lead");
        var agent = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        var lead = await _app.SignInAsync("lee@example.test", InboxApp.AgentPassword);
        var integration = await _app.TokenClientAsync(_admin, "inbound", "conversations:read");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task An_admin_and_a_metrics_token_read_prometheus_text_with_our_series()
    {
        var scraper = await _app.TokenClientAsync(_admin, "metrics");

        foreach (var client in new[] { _admin, scraper })
        {
            var response = await client.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.Contains("omnichannel_requests_total", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE omnichannel_queue_depth gauge", text, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inbound_messages_through_the_api_channel_raise_its_inbound_counter_by_exactly_their_number()
    {
        var scraper = await _app.TokenClientAsync(_admin, "metrics");
        var integration = await _app.TokenClientAsync(_admin, "inbound");
        var before = PrometheusText.Value(await scraper.GetStringAsync("/metrics"), "omnichannel_messages_total",
            ("channel", "api"), ("direction", "in"));

        await InboxApp.PostInboundAsync(integration, "m-1", "cust-1", "one");
        await InboxApp.PostInboundAsync(integration, "m-2", "cust-2", "two");
        await InboxApp.PostInboundAsync(integration, "m-3", "cust-1", "three");
        // The same source id again is a duplicate: stored once, counted once.
        await InboxApp.PostInboundAsync(integration, "m-3", "cust-1", "three");
        // The store's gauges are read at most once per MaxAge: the first scrape's reading is that old now.
        _app.Time.Advance(OperatorGauges.MaxAge);
        var after = await scraper.GetStringAsync("/metrics");

        Assert.Equal(before + 3, PrometheusText.Value(after, "omnichannel_messages_total",
            ("channel", "api"), ("direction", "in")));
        Assert.Equal(4, PrometheusText.Value(after, "omnichannel_request_duration_seconds_count",
            ("request", "IngestMessage"), ("outcome", "ok")));
        Assert.True(PrometheusText.Value(after, "omnichannel_store_script_duration_seconds_count",
            ("outcome", "ok")) >= 4);
        // Every new conversation waits in the default queue: nobody is on shift to take it.
        Assert.Equal(2, PrometheusText.Value(after, "omnichannel_queue_depth", ("queue", "default")));
    }
}
