using System.Diagnostics;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Integration.Tests.Realtime;

namespace Omnichannel.Integration.Tests.Metrics;

/// <summary>The inbound-to-push delay: recorded once per inbound message pushed to a hub connection.</summary>
[Collection(StoreCollection.Name)]
public sealed class InboundPushMetricsTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private string _baseUrl = null!;

    public Task InitializeAsync()
    {
        _baseUrl = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_inbound_message_pushed_to_a_connected_admin_is_timed_once()
    {
        var admin = await _app.SignInAsAdminAsync();
        var integration = await _app.TokenClientAsync(admin, "inbound");
        await using var hub = await HubListener.SignInAsync(_baseUrl, InboxApp.AdminEmail, InboxApp.AdminPassword);

        var posted = await InboxApp.PostInboundAsync(integration, "push-1", "cust-push", "hello");
        await hub.WaitForAsync(e => e.Type == "message.created" && e.ConversationId == posted.ConversationId);

        // The delay is recorded right after the frame was written, which may be just after the client read it.
        var pushes = await ScrapeUntilAsync(admin, text => Pushes(text) > 0);
        Assert.Equal(1, pushes);
    }

    private static double Pushes(string text) =>
        PrometheusText.Value(text, "omnichannel_inbound_push_delay_seconds_count", ("channel", "api"));

    private static async Task<double> ScrapeUntilAsync(HttpClient scraper, Func<string, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var text = await scraper.GetStringAsync("/metrics");
            if (done(text) || deadline.Elapsed > HubListener.Wait)
            {
                return Pushes(text);
            }

            await Task.Delay(20);
        }
    }
}
