using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Sign-in that reveals nothing and cannot be used to lock an owner out (issue 25).</summary>
[Collection(StoreCollection.Name)]
public sealed class LoginTests(StoreServers servers) : IAsyncLifetime
{
    private const string ClientAddressHeader = "X-Test-Client-Address";
    private InboxApp _app = null!;
    private WebApplicationFactory<Program> _server = null!;

    public Task InitializeAsync() => StartAsync([]);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task StartAsync(Dictionary<string, string> settings)
    {
        _app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
        {
            Settings = settings,
        };
        // The test server has no sockets: a client's address is whatever this header says, set before anything
        // else in the pipeline reads it.
        _server = _app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>()));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Known_and_unknown_emails_take_the_same_time_to_refuse()
    {
        await DisposeAsync();
        await StartAsync(new()
        {
            // Measured here: the verification work. Lockouts and slowdowns answer alike for both and would hide it.
            ["Omnichannel:Login:MaxFailures"] = "100",
            ["Omnichannel:Login:AccountSlowdownAfter"] = "1000",
            ["Omnichannel:RateLimits:LoginPerMinute"] = "0",
        });
        var client = From("203.0.113.5");
        var signedIn = await LoginAsync(client, InboxApp.AdminEmail, InboxApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        await TimeLoginAsync(client, InboxApp.AdminEmail);
        await TimeLoginAsync(client, "nobody@example.test");

        var known = new List<double>();
        var unknown = new List<double>();
        // Alternating, so a burst of load on a shared machine falls on both; 25 each keeps the medians steady.
        for (var i = 0; i < 25; i++)
        {
            known.Add(await TimeLoginAsync(client, InboxApp.AdminEmail));
            unknown.Add(await TimeLoginAsync(client, $"nobody{i}@example.test"));
        }

        // The median of each pair's ratio: a pair runs back to back, so a burst of load that slows one slows the
        // other; a ratio of the two medians took such bursts on one side only (0.76 once, with the load at 25).
        var ratio = Median([.. known.Zip(unknown, (k, u) => k / u)]);
        Console.WriteLine($"sign-in refusal medians: known {Median(known):F1} ms, unknown {Median(unknown):F1} ms, "
            + $"median pair ratio {ratio:F2}");
        Assert.InRange(ratio, 1 / 1.3, 1.3);
    }

    [Fact]
    public async Task Eight_wrong_passwords_from_another_address_leave_the_owner_signing_in_from_their_own()
    {
        var stranger = From("198.51.100.7");
        var owner = From("192.0.2.1");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await LoginAsync(stranger, InboxApp.AdminEmail, "guess-" + i)).StatusCode);
        }

        var (refused, locked) = (HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        HttpStatusCode[] expected = [refused, refused, refused, refused, locked, locked, locked, locked];
        Assert.Equal(expected, statuses);
        var strangerWithThePassword = await LoginAsync(stranger, InboxApp.AdminEmail, InboxApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWithThePassword.StatusCode);
        var ownerSignsIn = await LoginAsync(owner, InboxApp.AdminEmail, InboxApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, ownerSignsIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Failures_from_many_addresses_slow_the_owner_down_boundedly_but_never_lock_them_out()
    {
        // 4 failures from each of 5 addresses: no address is locked, the email is 10 failures past its threshold.
        for (var address = 1; address <= 5; address++)
        {
            for (var i = 0; i < 4; i++)
            {
                var (refused, _) = await LoginAdvancingClockAsync(From($"198.51.100.{address}"), "guess-" + i);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
        }

        var (signedIn, waited) = await LoginAdvancingClockAsync(From("192.0.2.1"), InboxApp.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // The ceiling is 3 s; the clock is stepped a second at a time while the request is pending.
        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
    }

    private HttpClient From(string address)
    {
        var client = _server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task<double> TimeLoginAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await LoginAsync(client, email, "not-the-password");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    // The slowdown waits on the app's (fake) clock: step it while the request is pending, and say how far it went.
    private async Task<(HttpResponseMessage Response, TimeSpan Waited)> LoginAdvancingClockAsync(
        HttpClient client, string password)
    {
        var started = _app.Time.GetUtcNow();
        var login = LoginAsync(client, InboxApp.AdminEmail, password);
        while (await Task.WhenAny(login, Task.Delay(TimeSpan.FromMilliseconds(300))) != login)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return (await login, _app.Time.GetUtcNow() - started);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[ClientAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return following(context);
            });
            next(app);
        };
    }
}
