using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>
/// Issue 12 in the browser: an agent links the incident the app suggests for a conversation with one click, and the
/// incident's page lists the conversation, whose status follows live when the lead resolves the incident.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentTests(Browsers browsers)
{
    [Fact]
    public async Task An_agent_links_a_suggested_incident_from_the_conversation_panel_and_the_incident_page_lists_the_conversation()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var created = await team.Lead.PostAsJsonAsync("/api/incidents", new { title = "Checkout payments failing", description = "The card processor times out." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incidentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "My checkout keeps failing when I pay by card", subject: "Cannot pay");
        await Users.Conversation(ana, id).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();

        var panel = ana.GetByRole(AriaRole.Region, new() { Name = "Incidents" });
        var link = panel.GetByRole(AriaRole.Button, new() { Name = "Link to Checkout payments failing" });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(panel).ToContainTextAsync("checkout, failing");
        await link.ClickAsync();

        // Linked: the suggestion turns into the conversation's incident (the hub's IncidentUpdated refetches it).
        await Expect(link).ToHaveCountAsync(0);
        var linked = panel.GetByRole(AriaRole.Link, new() { Name = "Checkout payments failing" });
        await Expect(linked).ToBeVisibleAsync();
        await linked.ClickAsync();

        await Expect(ana).ToHaveURLAsync(new Regex($"/incidents/{incidentId}$"));
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Checkout payments failing", Level = 2 })).ToBeVisibleAsync();
        var row = ana.Locator($".incident-conversations [data-conversation='{id}']");
        await Expect(row).ToContainTextAsync("Carla Customer");
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("open");
        // Agents read incidents; replying to all and resolving are the leads'.
        await Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Resolve incident" })).ToHaveCountAsync(0);
        await Users.ScreenshotAsync(ana, "incident");

        // The lead resolves the incident: the page shows the conversation resolved without a reload.
        (await team.Lead.PostAsJsonAsync($"/api/incidents/{incidentId}/resolve", new { note = "Processor fixed." })).EnsureSuccessStatusCode();
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("resolved");
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Checkout payments failing", Level = 2 })).ToContainTextAsync("resolved");

        // The list, reachable from the nav for every agent, counts it.
        await ana.GetByRole(AriaRole.Navigation, new() { Name = "Screens" }).GetByRole(AriaRole.Link, new() { Name = "Incidents" }).ClickAsync();
        var listed = ana.Locator($"[data-incident='{incidentId}']");
        await Expect(listed.GetByTestId("conversation-count")).ToHaveTextAsync("1");
        await Expect(listed.GetByTestId("open-count")).ToHaveTextAsync("0");
    }
}
