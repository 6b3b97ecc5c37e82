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

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await integration.PostAsJsonAsync("/api/inbound", new { sourceId = "flood-" + i, contact = new { identifier = "c" }, threadKey = "t" + i, text = "spam" }));
        }

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(accepted, 4, 6);
        Assert.Equal(12 - accepted, rejected.Count);
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
