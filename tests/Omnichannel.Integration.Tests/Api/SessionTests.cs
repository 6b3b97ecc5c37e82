using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Server-side sessions (issue 25): the cookie names a session; only a live session signs a request in.</summary>
[Collection(StoreCollection.Name)]
public sealed class SessionTests(StoreServers servers) : IAsyncLifetime
{
    private const string Ana = "ana@example.test";
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;
    private string _anaId = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignInAsAdminAsync();
        _anaId = await _app.CreateAgentAsync(_admin, Ana);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_logout_is_refused_after_it()
    {
        var cookie = await SignInForCookieAsync(Ana, InboxApp.AgentPassword);
        var browser = WithCookie(cookie);
        var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_of_one_session_leaves_the_agents_other_sessions_signed_in()
    {
        var laptop = await SignInAsync(Ana, "Laptop");
        var phone = await SignInAsync(Ana, "Phone");

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(["Phone"], (await SessionsAsync(phone)).Select(s => s.Device));
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_agent()
    {
        var cookie = await SignInForCookieAsync(Ana, InboxApp.AgentPassword);
        var laptop = WithCookie(cookie);
        var phone = await SignInAsync(Ana, "Phone");

        var changed = await _admin.PutAsJsonAsync($"/api/agents/{_anaId}", new { password = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/auth/me")).StatusCode);
        var again = await _app.SignInAsync(Ana, "a-brand-new-password");
        Assert.True(Assert.Single(await SessionsAsync(again)).Current);
    }

    [Fact]
    public async Task An_agent_lists_their_sessions_and_ends_one_or_all_of_the_others()
    {
        var laptop = await SignInAsync(Ana, "Laptop");
        var phone = await SignInAsync(Ana, "Phone");
        var tablet = await SignInAsync(Ana, "Tablet " + new string('x', 500));

        var listed = await SessionsAsync(laptop);

        Assert.Equal(3, listed.Count);
        Assert.Equal("Laptop", Assert.Single(listed, s => s.Current).Device);
        var trimmed = Assert.Single(listed, s => s.Device.StartsWith("Tablet", StringComparison.Ordinal));
        Assert.Equal(200, trimmed.Device.Length);
        Assert.All(listed, s => Assert.Equal(40, s.Id.Length));
        Assert.Equal(listed.Count, listed.Select(s => s.Id).Distinct().Count());
        var phoneId = listed.Single(s => s.Device == "Phone").Id;

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/auth/sessions/{phoneId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await laptop.DeleteAsync($"/api/auth/sessions/{phoneId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync("/api/auth/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(["Laptop"], (await SessionsAsync(laptop)).Select(s => s.Device));
    }

    [Fact]
    public async Task Ending_another_agents_session_answers_404_like_an_id_that_does_not_exist()
    {
        await _app.CreateAgentAsync(_admin, "bo@example.test");
        var ana = await SignInAsync(Ana, "Laptop");
        var bo = await SignInAsync("bo@example.test", "Bo's laptop");
        var bosSession = Assert.Single(await SessionsAsync(bo)).Id;

        var others = await ana.DeleteAsync($"/api/auth/sessions/{bosSession}");
        var unknown = await ana.DeleteAsync($"/api/auth/sessions/{new string('a', 40)}");
        var malformed = await ana.DeleteAsync("/api/auth/sessions/not-a-session-id");

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(bosSession, Assert.Single(await SessionsAsync(bo)).Id);
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var laptop = await SignInAsync(Ana, "Laptop");
        var signedInAt = Assert.Single(await SessionsAsync(laptop)).LastSeenAt;

        _app.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(signedInAt, Assert.Single(await SessionsAsync(laptop)).LastSeenAt);

        _app.Time.Advance(TimeSpan.FromSeconds(20));
        var seen = Assert.Single(await SessionsAsync(laptop)).LastSeenAt;
        Assert.Equal(_app.Time.GetUtcNow().ToUnixTimeMilliseconds(), seen.ToUnixTimeMilliseconds());
    }

    private async Task<HttpClient> SignInAsync(string email, string device)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", device);
        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { email, password = InboxApp.AgentPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    // The cookie exactly as a browser got it, so a test can hold a copy the server never saw logged out.
    private async Task<string> SignInForCookieAsync(string email, string password)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("omnichannel.auth=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<List<SessionBody>> SessionsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<SessionBody>>("/api/auth/sessions"))!;

    private sealed record SessionBody(
        string Id, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
}
