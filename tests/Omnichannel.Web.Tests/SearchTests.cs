using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>
/// Issue 13 in the browser: the inbox's search box and the Ctrl+K command bar ask the server (GET /api/search), so a
/// word written only in a message body finds its conversation, and a hit opens it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(Browsers browsers)
{
    [Fact]
    public async Task A_word_only_in_a_message_body_typed_in_the_search_box_shows_that_conversation_and_a_click_opens_it()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        // The body says <b>: the snippet is text, so the markup shows as typed and is never rendered.
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "The <b>zebrafish</b> mug arrived broken", subject: "Order 981");
        await team.PostInboundAsync("crm-2", "Dora Customer", "Where is my parcel?", subject: "Parcel");
        await WaitUntilIndexedAsync(team, "zebrafish");

        await ana.GetByLabel("Search conversations").FillAsync("zebrafish");

        var hits = ana.GetByRole(AriaRole.List, new() { Name = "Search results" }).Locator("[data-hit]");
        await Expect(hits).ToHaveCountAsync(1);
        var hit = ana.Locator($"[data-hit='{id}']");
        await Expect(hit).ToContainTextAsync("Order 981");
        await Expect(hit.Locator(".snippet")).ToContainTextAsync("The <b>zebrafish</b> mug arrived broken");
        await Expect(hit.Locator("b")).ToHaveCountAsync(0);

        await hit.ClickAsync();
        await Expect(ana).ToHaveURLAsync(new Regex($"/c/{id}$"));
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();

        // An empty box shows the loaded conversations again.
        await ana.GetByLabel("Search conversations").FillAsync("");
        await Expect(Users.Conversation(ana, id)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ctrl_K_opens_the_command_bar_and_Enter_opens_the_first_hit()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        var first = await team.PostInboundAsync("crm-1", "Carla Customer", "My refund for order A-10023 has not arrived", subject: "Refund A-10023");
        var second = await team.PostInboundAsync("crm-2", "Dora Customer", "Is a refund possible for a gift?", subject: "Gift");
        await WaitUntilIndexedAsync(team, "refund", count: 2);

        await ana.Keyboard.PressAsync("Control+k");
        var bar = ana.GetByRole(AriaRole.Dialog, new() { Name = "Search conversations" });
        await Expect(bar).ToBeVisibleAsync();
        var input = bar.GetByLabel("Search", new() { Exact = true });
        await Expect(input).ToBeFocusedAsync();
        await ana.Keyboard.TypeAsync("refund");
        await Expect(bar.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);

        // The arrows move the selection (the input names it), and wrap around.
        await ana.Keyboard.PressAsync("ArrowDown");
        await ana.Keyboard.PressAsync("ArrowDown");
        await Expect(bar.GetByRole(AriaRole.Option, new() { Selected = true })).ToHaveCountAsync(1);
        await Expect(input).ToHaveAttributeAsync("aria-activedescendant", "command-hit-1");
        await Users.ScreenshotAsync(ana, "command-bar");
        await ana.Keyboard.PressAsync("ArrowDown");
        await Expect(input).ToHaveAttributeAsync("aria-activedescendant", "command-hit-0");

        // Escape closes; opened again, Enter with nothing chosen opens the best hit (subject counts double: the first).
        await ana.Keyboard.PressAsync("Escape");
        await Expect(bar).ToHaveCountAsync(0);
        await ana.Keyboard.PressAsync("Control+k");
        await Expect(input).ToBeFocusedAsync();
        await Expect(input).ToHaveValueAsync("");
        await ana.Keyboard.TypeAsync("refund");
        await Expect(bar.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(bar.GetByRole(AriaRole.Option).First).ToHaveAttributeAsync("data-hit", first);
        await Expect(bar.GetByRole(AriaRole.Option).Last).ToHaveAttributeAsync("data-hit", second);
        await ana.Keyboard.PressAsync("Enter");

        await Expect(bar).ToHaveCountAsync(0);
        await Expect(ana).ToHaveURLAsync(new Regex($"/c/{first}$"));
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>The index follows the store's event log a poll interval behind (docs/search.md): wait for it.</summary>
    private static async Task WaitUntilIndexedAsync(Team team, string query, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var page = await team.Lead.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}", timeout.Token);
            if (page.GetProperty("items").GetArrayLength() >= count)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
