using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>Issue 12 in the browser: an agent sets the priority and escalates from the open conversation, which shows its tier path.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TierTests(Browsers browsers)
{
    [Fact]
    public async Task An_agent_raises_the_priority_and_escalates_and_the_conversation_shows_where_it_came_from()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var ana = team.AgentIds[0];
        (await team.Lead.PutAsJsonAsync("/api/queues/l2", new { name = "Second level", policy = "round-robin", tier = "L2", members = new[] { ana } })).EnsureSuccessStatusCode();
        (await team.Lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", members = new[] { ana }, escalatesTo = "l2" })).EnsureSuccessStatusCode();
        var page = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(page);
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "The API returns 500");

        await Users.Conversation(page, id).ClickAsync();
        var tier = page.GetByTestId("tier");
        await Expect(tier).ToHaveTextAsync("default (L1)");
        await page.GetByTestId("priority").SelectOptionAsync("urgent");
        await Expect(Users.Conversation(page, id)).ToContainTextAsync("urgent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Escalate…" }).ClickAsync();
        await page.GetByLabel("Why escalate").FillAsync("Needs an API engineer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Escalate", Exact = true }).ClickAsync();

        await Expect(tier).ToHaveTextAsync("default → l2 (L2)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Return…" })).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Escalated: Needs an API engineer");
    }
}
