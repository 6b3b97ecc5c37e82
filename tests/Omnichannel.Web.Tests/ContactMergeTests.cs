using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>
/// Issue 24 in the browser: an email a web chat visitor typed is only "claimed"; the agent who knows it is the same
/// person merges the two contacts from the contact panel, and another agent's open panel follows without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactMergeTests(Browsers browsers)
{
    [Fact]
    public async Task An_agent_merges_a_visitor_who_claimed_a_customers_email_into_that_customer_and_the_lead_sees_it_live()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");

        // Carla is a customer the CRM knows, email included (an integration answers for its data: verified).
        var inbound = await team.Integration.PostAsJsonAsync("/api/inbound", new
        {
            sourceId = "crm-1",
            contact = new { identifier = "carla-42", name = "Carla Customer", email = "carla@example.com" },
            text = "Where is my order 981?",
        });
        Assert.True(inbound.IsSuccessStatusCode, await inbound.Content.ReadAsStringAsync());

        // Nobody is online yet: a visitor leaves a message and types Carla's address into the widget's email form.
        var visitor = await (await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } })).NewPageAsync();
        await visitor.GotoAsync(app.BaseUrl.TrimEnd('/') + "/demo/webchat");
        await visitor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("chat", RegexOptions.IgnoreCase) }).ClickAsync();
        await visitor.GetByLabel("Message").FillAsync("Hi, it's Carla again: did my parcel leave?");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // Stored once the server acknowledged it (the bubble stops being pending); only then is it listed.
        await Expect(visitor.Locator(".msg.in:not(.pending)", new() { HasText = "did my parcel leave?" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Not sent")).ToHaveCountAsync(0);
        await visitor.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("carla@example.com");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
        await Expect(visitor.GetByText("we'll answer at carla@example.com")).ToBeVisibleAsync();
        var chatId = await WebChatConversationAsync(team.Lead);

        // Ana comes online and gets both; the visitor's contact shows the address as claimed, nothing more.
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        await Users.Conversation(ana, chatId).ClickAsync();
        var panel = ana.GetByRole(AriaRole.Complementary, new() { Name = "Contact" });
        await Expect(panel).ToContainTextAsync("carla@example.com");
        await Expect(panel.Locator(".tag.claimed").First).ToBeVisibleAsync();
        await Expect(panel.Locator(".past li")).ToHaveCountAsync(1);

        // The lead has the same conversation open; the page must not reload to follow the merge.
        var lead = await Users.SignInAsync(browsers, app, "lead@example.test");
        await lead.GotoAsync($"/c/{chatId}");
        var leadPanel = lead.GetByRole(AriaRole.Complementary, new() { Name = "Contact" });
        await Expect(leadPanel.Locator(".tag.claimed").First).ToBeVisibleAsync();
        await lead.EvaluateAsync("() => { window.sameDocument = true; }");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Merge…" }).ClickAsync();
        await panel.GetByLabel("Find a contact").FillAsync("carla@example.com");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Carla Customer" }).ClickAsync();
        // The verified customer is the one kept; the confirmation names both and warns.
        var confirm = panel.GetByTestId("merge-confirm");
        await Expect(confirm).ToContainTextAsync("Merge carla@example.com into Carla Customer?");
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        // One contact now: Carla's name, her CRM identity and the visitor's, both conversations.
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer" })).ToBeVisibleAsync();
        var identities = panel.Locator(".identities li");
        await Expect(identities.Filter(new() { HasText = "carla-42" })).ToHaveCountAsync(1);
        await Expect(identities.Filter(new() { Has = ana.Locator(".kind", new() { HasText = "webchat" }) })).ToHaveCountAsync(1);
        await Expect(panel.Locator(".past li")).ToHaveCountAsync(2);
        await Expect(panel.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Users.ScreenshotAsync(ana, "merge");

        await Expect(leadPanel.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer" })).ToBeVisibleAsync();
        await Expect(leadPanel.Locator(".past li")).ToHaveCountAsync(2);
        Assert.True(await lead.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }

    private static async Task<string> WebChatConversationAsync(HttpClient lead)
    {
        using var list = JsonDocument.Parse(await lead.GetStringAsync("/api/conversations?view=all"));
        return list.RootElement.GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("channel").GetString() == "webchat").GetProperty("id").GetString()!;
    }
}
