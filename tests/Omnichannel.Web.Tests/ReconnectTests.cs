using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>The hub connection drops: the agent is told, and nothing that happened meanwhile is lost.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReconnectTests(Browsers browsers)
{
    [GeneratedRegex(@"/hubs/agent/negotiate")]
    private static partial Regex Negotiate();

    [GeneratedRegex(@"/hubs/agent\?id=")]
    private static partial Regex HubSocket();

    [Fact]
    public async Task While_the_connection_is_down_a_banner_says_so_and_what_happened_meanwhile_arrives_when_it_is_back()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");
        // The test stands between the page and the hub: it can cut the line and refuse reconnects for a while.
        var sockets = new ConcurrentBag<IWebSocketRoute>();
        var down = false;
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test", prepare: async page =>
        {
            await page.RouteAsync(Negotiate(), route => Volatile.Read(ref down) ? route.AbortAsync() : route.ContinueAsync());
            await page.RouteWebSocketAsync(HubSocket(), socket =>
            {
                socket.ConnectToServer();
                sockets.Add(socket);
            });
        });
        await Users.GoOnlineAsync(ana);
        var id = await team.PostInboundAsync("crm-1", "Carla Customer", "Hello, is my parcel insured?");
        await Users.Conversation(ana, id).ClickAsync();
        await Expect(ana.Locator(".msg-in")).ToContainTextAsync("is my parcel insured?");
        await Expect(ana.GetByTestId("reconnect-banner")).ToBeHiddenAsync();

        Volatile.Write(ref down, true);
        foreach (var socket in sockets)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "cut by the test" });
        }

        await Expect(ana.GetByTestId("reconnect-banner")).ToBeVisibleAsync();
        // The customer writes again while the agent's page cannot hear it.
        await team.PostInboundAsync("crm-2", "Carla Customer", "Also: can you ship to Norway?");
        await Expect(ana.Locator(".msg-in")).ToHaveCountAsync(1);

        Volatile.Write(ref down, false);
        await Expect(ana.GetByTestId("reconnect-banner")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Expect(ana.Locator(".msg-in").Last).ToContainTextAsync("ship to Norway?");
        await Expect(ana.Locator(".msg-in")).ToHaveCountAsync(2);
    }
}
