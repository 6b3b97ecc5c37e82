using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class RateLimitTests(StoreServers servers)
{
    [Fact]
    public async Task A_flood_from_one_token_gets_429_and_stores_only_what_was_accepted()
    {
        await using var app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
        {
            Settings = { ["Omnichannel:RateLimits:InboundPerSecond"] = "2" },
        };
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");

        // Sent at once: the bucket refills in real time, so a slow sequence on a loaded machine would be refilled.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => integration.PostAsJsonAsync("/api/inbound",
            new { sourceId = "flood-" + i, contact = new { identifier = "c" }, threadKey = "t" + i, text = "spam" })));
        var elapsed = clock.Elapsed;
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // The bucket holds a burst of 4 and refills 2 a second in real time (the limiter has no TimeProvider): on a
        // loaded machine the posts can take seconds, so what is accepted depends on how long they took.
        var refilled = 2 * ((int)Math.Ceiling(elapsed.TotalSeconds) + 1);
        Assert.InRange(accepted, 4, Math.Min(29, 4 + refilled));
        Assert.True(rejected.Count > 0, $"nothing refused in {elapsed}");
        Assert.Equal(30 - accepted, rejected.Count);
        Assert.Equal("application/problem+json", rejected[0].Content.Headers.ContentType?.MediaType);
        var page = await admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all&limit=100");
        Assert.Equal(accepted, page!.Items.Count);
    }

    [Fact]
    public async Task Login_attempts_from_one_address_are_limited_across_emails()
    {
        await using var app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
        {
            Settings = { ["Omnichannel:RateLimits:LoginPerMinute"] = "3" },
        };
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = $"user{i}@example.test", password = "whatever-it-is" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
