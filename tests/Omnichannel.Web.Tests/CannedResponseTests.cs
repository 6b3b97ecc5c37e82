using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>Issue 13 in the browser: "/" in the reply box inserts a canned response with the contact's name, keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CannedResponseTests(Browsers browsers)
{
    [Fact]
    public async Task Typing_a_short_code_after_a_slash_and_Enter_inserts_the_response_with_the_contacts_name()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        var greeting = new
        {
            shortCode = "greeting",
            title = "Greeting",
            text = "Hi {{contact.name}}, thanks for writing! {{agent.name}} here, I'm looking into it.",
            visibility = "shared",
        };
        Assert.Equal(HttpStatusCode.Created, (await team.Lead.PutAsJsonAsync("/api/canned-responses/greeting", greeting)).StatusCode);
        var refund = new { shortCode = "refund", title = "Refund policy", text = "Refunds take five days.", visibility = "shared" };
        Assert.Equal(HttpStatusCode.Created, (await team.Lead.PutAsJsonAsync("/api/canned-responses/refund", refund)).StatusCode);

        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "Where is my order 981?");
        await Users.Conversation(ana, id).ClickAsync();
        await Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Carla Customer", Level = 2 })).ToBeVisibleAsync();

        var reply = ana.GetByLabel("Reply");
        await reply.FocusAsync();
        await ana.Keyboard.TypeAsync("/");
        var menu = ana.GetByRole(AriaRole.Listbox, new() { Name = "Canned responses" });
        await Expect(menu.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await ana.Keyboard.TypeAsync("gr");
        await Expect(menu.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(menu.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("/greeting");
        await Users.ScreenshotAsync(ana, "canned-responses");

        await ana.Keyboard.PressAsync("Enter");

        await Expect(reply).ToHaveValueAsync("Hi Carla Customer, thanks for writing! Ana Agent here, I'm looking into it.");
        await Expect(menu).ToHaveCountAsync(0);

        // Escape closes the list and leaves the typed text as it was.
        // ("re" is in "greeting" too: the refund policy, whose code starts with it, comes first.)
        await ana.Keyboard.TypeAsync(" /re");
        await Expect(menu.GetByRole(AriaRole.Option).First).ToContainTextAsync("/refund");
        await Expect(menu.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await ana.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveCountAsync(0);
        await Expect(reply).ToHaveValueAsync("Hi Carla Customer, thanks for writing! Ana Agent here, I'm looking into it. /re");
        await Expect(reply).ToBeFocusedAsync();
    }
}
