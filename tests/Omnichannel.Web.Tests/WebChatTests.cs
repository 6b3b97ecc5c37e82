using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>Visitors on the demo page's widget and an agent in the inbox, each in their own browser context.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatTests(Browsers browsers)
{
    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private async Task<IPage> VisitorAsync(WebApp app)
    {
        var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl.TrimEnd('/') + "/demo/webchat");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("chat", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).ClickAsync();
        return page;
    }

    private static async Task SendAsync(IPage visitor, string text)
    {
        await visitor.GetByLabel("Message").FillAsync(text);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_visitor_chats_live_with_the_assigned_agent_keeps_the_history_on_reload_and_another_visitor_sees_none_of_it()
    {
        await using var app = WebApp.Start();
        await app.SetUpTeamAsync("Ana Agent");
        var ana = await Users.SignInAsync(browsers, app, "ana@example.test");
        await Users.GoOnlineAsync(ana);

        var visitor = await VisitorAsync(app);
        await SendAsync(visitor, "Hello, do you ship to Norway?");
        var item = ana.Locator("[data-conversation]", new() { HasText = "do you ship to Norway" });
        await Expect(item).ToBeVisibleAsync();
        await item.ClickAsync();

        // The agent types: the visitor sees it; the agent's reply arrives without a reload.
        var reply = ana.GetByLabel("Reply");
        await reply.FillAsync("Yes — 3 to 5 working days.");
        await Expect(visitor.GetByText("Agent is typing…")).ToBeVisibleAsync();
        await reply.PressAsync("Control+Enter");
        await Expect(visitor.GetByText("Yes — 3 to 5 working days.")).ToBeVisibleAsync();
        await Users.ScreenshotAsync(visitor, "webchat");

        // A reload continues the same conversation with its whole history.
        await visitor.ReloadAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Expect(visitor.GetByText("Hello, do you ship to Norway?")).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Yes — 3 to 5 working days.")).ToBeVisibleAsync();

        // The paperclip sends a screenshot: the visitor gets a download link, the agent sees the file in the conversation.
        var chooser = await visitor.RunAndWaitForFileChooserAsync(() => visitor.GetByRole(AriaRole.Button, new() { Name = "Attach a file" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "pixel.png", MimeType = "image/png", Buffer = OnePixelPng });
        await Expect(visitor.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("pixel\\.png") })).ToBeVisibleAsync();
        await Expect(ana.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("pixel\\.png") })).ToBeVisibleAsync();

        // Another visitor (another browser) starts their own conversation and sees nothing of the first,
        // even when presenting a forged token: the server issues a fresh visitor instead.
        var stranger = await VisitorAsync(app);
        var forged = await stranger.EvaluateAsync<int>(@"async () => {
            const r = await fetch('/api/webchat/sessions', { method: 'POST', headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ site: 'default', visitorToken: 'CfDJ8forged-token' }) });
            const s = await r.json();
            return s.conversationId === null ? 1 : 0;
        }");
        Assert.Equal(1, forged);
        await SendAsync(stranger, "Is there a student discount?");
        await Expect(stranger.GetByText("Is there a student discount?")).ToBeVisibleAsync();
        await Expect(stranger.GetByText("do you ship to Norway")).ToHaveCountAsync(0);
        await Expect(stranger.GetByText("3 to 5 working days")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_nobody_online_the_widget_says_so_and_keeps_the_visitors_email()
    {
        await using var app = WebApp.Start();
        var team = await app.SetUpTeamAsync("Ana Agent");

        var visitor = await VisitorAsync(app);
        await Expect(visitor.GetByText("We're away right now")).ToBeVisibleAsync();
        await SendAsync(visitor, "Please call me back about my order.");
        await visitor.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("visitor@example.com");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
        await Expect(visitor.GetByText("we'll answer at visitor@example.com")).ToBeVisibleAsync();

        var conversations = await team.Lead.GetStringAsync("/api/conversations?view=all");
        var id = System.Text.Json.JsonDocument.Parse(conversations).RootElement.GetProperty("items")[0];
        var contact = await team.Lead.GetStringAsync($"/api/contacts/{id.GetProperty("contactId").GetString()}");
        Assert.Contains("visitor@example.com", contact, StringComparison.Ordinal);
    }
}
