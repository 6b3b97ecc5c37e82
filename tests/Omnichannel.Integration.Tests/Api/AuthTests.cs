using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class AuthTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_bootstrapped_admin_signs_in_and_sees_who_they_are()
    {
        var admin = await _app.SignInAsAdminAsync();

        var me = await admin.GetFromJsonAsync<Dictionary<string, object>>("/api/auth/me");

        Assert.Equal(InboxApp.AdminEmail, me!["email"].ToString());
        Assert.Equal("admin", me["role"].ToString());
        Assert.False(me.ContainsKey("passwordHash"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var client = _app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = "not-the-password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = "guess-5" });
        var rightButLocked = await client.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = InboxApp.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLocked.StatusCode);
        Assert.Contains("locked", (await rightButLocked.Content.ReadFromJsonAsync<ProblemBody>())!.Detail);

        _app.Time.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await client.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = InboxApp.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
    }

    [Fact]
    public async Task Without_a_session_the_api_answers_401_and_never_redirects()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "inbound" } })).StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var admin = await _app.SignInAsAdminAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_an_agents_password_signs_out_their_open_sessions()
    {
        var admin = await _app.SignInAsAdminAsync();
        var agentId = await _app.CreateAgentAsync(admin, "ana@example.test");
        var ana = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/api/auth/me")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/agents/{agentId}", new { password = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.GetAsync("/api/auth/me")).StatusCode);
        await _app.SignInAsync("ana@example.test", "a-brand-new-password");
    }

    [Fact]
    public async Task A_role_change_ends_the_agents_sessions_and_the_new_role_applies_at_the_next_sign_in()
    {
        var admin = await _app.SignInAsAdminAsync();
        var agentId = await _app.CreateAgentAsync(admin, "bo@example.test");
        var bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/api/conversations?view=all")).StatusCode);

        await admin.PutAsJsonAsync($"/api/agents/{agentId}", new { role = "lead" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await bo.GetAsync("/api/conversations?view=all")).StatusCode);
        var lead = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/conversations?view=all")).StatusCode);
    }
}
