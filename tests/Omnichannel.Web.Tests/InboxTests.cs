using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>Agents and leads in headless Chromium against the real server: everything arrives live, without reloads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxTests(Browsers browsers)
{
    [Fact]
    public async Task A_customer_message_appears_in_the_assigned_agents_open_inbox_within_a_second_and_the_reply_shows_in_the_timeline()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("0");

        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "Hi! Where is my order 981? It was due on Monday.");
        var item = Users.Conversation(ana, id);
        // Within a second of the API accepting it, and without a reload (the page is still the one it was).
        await Expect(item).ToContainTextAsync("Where is my order 981?", new() { Timeout = 1000 });
        Assert.Equal(app.BaseUrl.TrimEnd('/') + "/", ana.Url);
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("1");

        // A few more customers for a lived-in inbox (and the picture).
        await team.PostInboundAsync("crm-2", "Dmitri Petrov", "Can I change the delivery address?", subject: "Delivery address");
        await team.PostInboundAsync("crm-3", "Emma Jones", "The invoice shows the wrong VAT number.");
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("3");
        await item.ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();
        await Users.ScreenshotAsync(ana, "inbox");

        var reply = ana.GetByLabel("Reply");
        await reply.FillAsync("Hi Carla, it left our warehouse this morning: you will have it tomorrow.");
        await reply.PressAsync("Control+Enter");
        await Expect(ana.Locator(".msg-out")).ToContainTextAsync("it left our warehouse this morning");
        await Expect(reply).ToHaveValueAsync("");

        await ana.GetByLabel("Private note").Last.CheckAsync();
        await ana.GetByRole(AriaRole.Textbox, new() { Name = "Private note" }).FillAsync("Courier confirmed by phone, tracking 7731.");
        await ana.GetByRole(AriaRole.Textbox, new() { Name = "Private note" }).PressAsync("Control+Enter");
        await Expect(ana.Locator(".msg-note")).ToContainTextAsync("tracking 7731");
        await Expect(ana.Locator(".activity").First).ToContainTextAsync("round-robin");
        await Users.ScreenshotAsync(ana, "conversation");

        // Keys: e resolves the open conversation (it leaves the open list), j opens the next one.
        await ana.Locator(".timeline").ClickAsync();
        await ana.Keyboard.PressAsync("e");
        await Expect(ana.Locator(".pane-head .status")).ToHaveTextAsync("resolved");
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("2");
        await ana.Keyboard.PressAsync("j");
        await Expect(ana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f]+$"));
        Assert.DoesNotContain(id, ana.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lead_rebalances_from_the_board_after_seeing_the_plan_and_the_agents_lists_update_live()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent", "Ben Agent");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        string[] customers = ["Carla Customer", "Dmitri Petrov", "Emma Jones", "Farid Khan"];
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)))
        {
            await team.PostInboundAsync($"crm-{i}", customer, $"Question number {i + 1}");
        }

        // Ben was offline: Ana has all four.
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("4");
        var ben = await Users.SignInAsync(browsers, app, "ben@example.test");
        await Users.GoOnlineAsync(ben);
        await Expect(Users.Count(ben, "mine")).ToHaveTextAsync("0");

        var lead = await Users.SignInAsync(browsers, app, "lead@example.test");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Board" }).ClickAsync();
        var anaRow = lead.Locator($"tr[data-agent='{team.AgentIds[0]}']");
        await Expect(anaRow.GetByTestId("open")).ToHaveTextAsync("4 / 5");

        await lead.GetByRole(AriaRole.Button, new() { Name = "Rebalance…" }).ClickAsync();
        var plan = lead.GetByTestId("rebalance-plan");
        await Expect(plan.Locator("li")).ToHaveCountAsync(2);
        await Expect(plan).ToContainTextAsync("Ana Agent → Ben Agent");
        await Users.ScreenshotAsync(lead, "board");
        // Nothing moved yet: the plan is a dry run.
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("4");

        await plan.GetByRole(AriaRole.Button, new() { Name = "Apply 2 moves" }).ClickAsync();
        await Expect(Users.Count(ana, "mine")).ToHaveTextAsync("2");
        await Expect(Users.Count(ben, "mine")).ToHaveTextAsync("2");
        await Expect(ben.Locator("[data-conversation]")).ToHaveCountAsync(2);
        await Expect(anaRow.GetByTestId("open")).ToHaveTextAsync("2 / 5");
    }

    [Fact]
    public async Task Two_agents_opening_one_conversation_see_each_others_replying_banner()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent", "Ben Agent");
        // Nobody is online: the conversation waits in the queue, where both agents see it.
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "Is anyone there?");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        // Ben is on a phone-sized screen: the list gives way to the conversation.
        var ben = await Users.SignInAsync(browsers, app, "ben@example.test", width: 390, height: 844);
        foreach (var page in new[] { ana, ben })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "Unassigned" }).ClickAsync();
            await Users.Conversation(page, id).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();
        }

        await Expect(ana.GetByText("Also viewing: Ben Agent")).ToBeVisibleAsync();
        await ana.GetByLabel("Reply").FillAsync("Hello Carla, ");
        await Expect(ben.GetByTestId("collision-banner")).ToHaveTextAsync("Ana Agent is replying");
        await Expect(ben.GetByText("Ana Agent is typing…")).ToBeVisibleAsync();
        await Users.ScreenshotAsync(ben, "narrow");

        await ben.GetByLabel("Reply").FillAsync("Hi, ");
        await Expect(ana.GetByTestId("collision-banner")).ToHaveTextAsync("Ben Agent is replying");

        // Clearing the box ends it.
        await ana.GetByLabel("Reply").FillAsync("");
        await Expect(ben.GetByTestId("collision-banner")).ToBeHiddenAsync();
    }
}
