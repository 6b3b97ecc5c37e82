using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Web.Tests;

/// <summary>What a person does in the app, shared by the tests: sign in, go online, open a conversation, take a picture.</summary>
public static class Users
{
    /// <summary>
    /// Opens the app in a new browser context (its own cookies), signs in through the login screen.
    /// <paramref name="prepare"/> runs on the page before it loads (e.g. to route its traffic).
    /// </summary>
    public static async Task<IPage> SignInAsync(Browsers browsers, WebApp app, string email, int width = 1280, int height = 800, Func<IPage, Task>? prepare = null)
    {
        var context = await browsers.NewUserAsync(app.BaseUrl, width, height);
        var page = await context.NewPageAsync();
        if (prepare is not null)
        {
            await prepare(page);
        }

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(app.BaseUrl.TrimEnd('/') + "/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebApp.AgentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "My availability" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task GoOnlineAsync(IPage page)
    {
        var online = page.GetByRole(AriaRole.Radio, new() { Name = "online" });
        await online.ClickAsync();
        await Expect(online).ToHaveAttributeAsync("aria-checked", "true");
    }

    public static ILocator Conversation(IPage page, string id) => page.Locator($"[data-conversation='{id}']");

    public static ILocator Count(IPage page, string view) => page.GetByTestId($"count-{view}");

    /// <summary>
    /// A picture for people: under artifacts/screenshots, or docs/screenshots (README shows those) when
    /// UPDATE_SCREENSHOTS=1, so ordinary runs leave the committed pictures alone.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var root = RepositoryRoot();
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(root, "docs", "screenshots")
            : Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Omnichannel.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
