using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>Issue 12 in the browser: the list shows each conversation's SLA countdown, which turns to breached on screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaCountdownTests(Browsers browsers)
{
    [Fact]
    public async Task A_new_conversations_countdown_appears_live_and_turns_to_breached_without_a_reload()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var policy = new
        {
            name = "Fast",
            targets = new Dictionary<string, object> { ["normal"] = new { firstResponseMinutes = 5, resolutionMinutes = 120 } },
            warnAtPercent = 80,
        };
        Assert.Equal(HttpStatusCode.Created, (await team.Lead.PutAsJsonAsync("/api/sla-policies/fast", policy)).StatusCode);
        (await team.Lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "fast" })).EnsureSuccessStatusCode();

        // The browser's clock is Playwright's, so minutes can pass on screen in an instant.
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test", prepare: page => page.Clock.InstallAsync());
        await Users.GoOnlineAsync(ana);
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "The checkout fails");

        // The keeper sets the deadline within about a second; the live event brings it to the list.
        var badge = Users.Conversation(ana, id).GetByTestId("sla");
        await Expect(badge).ToHaveTextAsync("5m", new() { Timeout = 15_000 });
        await Expect(badge).ToHaveClassAsync("sla sla-risk");
        await Users.ScreenshotAsync(ana, "sla-countdown");

        await ana.Clock.FastForwardAsync("05:10");
        await Expect(badge).ToHaveTextAsync("breached");
        await Expect(badge).ToHaveAttributeAsync("title", "SLA breached: first response");
    }

    [Fact]
    public async Task The_lead_board_shows_the_at_risk_count_live_and_opens_its_conversations()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        // Warned after 1 % of a minute: at risk within a second of the keeper's next round.
        var policy = new
        {
            name = "Fast",
            targets = new Dictionary<string, object> { ["normal"] = new { firstResponseMinutes = 1, resolutionMinutes = 120 } },
            warnAtPercent = 1,
        };
        Assert.Equal(HttpStatusCode.Created, (await team.Lead.PutAsJsonAsync("/api/sla-policies/fast", policy)).StatusCode);
        (await team.Lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", slaPolicy = "fast" })).EnsureSuccessStatusCode();

        var lead = await Users.SignInAsync(browsers, app, "lead@example.test");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Board" }).ClickAsync();
        var atRisk = lead.GetByTestId("sla-at-risk");
        await Expect(atRisk).ToContainTextAsync("0 SLA at risk");

        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "The checkout fails");

        await Expect(atRisk).ToContainTextAsync("1 SLA at risk", new() { Timeout = 15_000 });
        await atRisk.ClickAsync();
        await Expect(lead.GetByTestId("sla-list").Locator($"a[href='/c/{id}']")).ToBeVisibleAsync();
    }
}
