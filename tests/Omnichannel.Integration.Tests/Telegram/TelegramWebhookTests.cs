using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>A bot in webhook mode: Telegram POSTs updates to us with the secret token; we answer 200 only once stored.</summary>
[Collection(StoreCollection.Name)]
public sealed class TelegramWebhookTests(StoreServers servers)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject update, string? secret = TelegramHarness.Secret, string bot = TelegramHarness.Bot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/telegram/{bot}/webhook")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task At_start_the_webhook_is_set_with_its_secret_and_updates_posted_to_it_are_stored_once()
    {
        await using var t = await TelegramHarness.StartAsync(servers, webhook: true);
        await t.EventuallyAsync(() => Task.FromResult(t.Api.WebhookUrl), "setWebhook");
        Assert.Equal("http://localhost" + TelegramHarness.WebhookPath, t.Api.WebhookUrl);
        Assert.Equal(TelegramHarness.Secret, t.Api.WebhookSecret);
        Assert.DoesNotContain(t.Api.Calls, c => c.Method == "getUpdates");

        var client = t.App.CreateClient();
        var update = Updates.Text(Updates.User(8181, "Hal"), "hi from a webhook");
        update["update_id"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, update)).StatusCode); // Telegram redelivers

        var conversation = await t.SingleConversationAsync();
        Assert.Equal("hi from a webhook", Assert.Single(await t.MessagesAsync(conversation.Id)).Text);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_refused_with_401_and_nothing_is_stored()
    {
        await using var t = await TelegramHarness.StartAsync(servers, webhook: true);
        var client = t.App.CreateClient();
        var update = Updates.Text(Updates.User(8282, "Ivy"), "let me in");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, update, secret: "wh-Secret_0123456788")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, update, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, update, secret: "")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, update, bot: "nobody")).StatusCode);
        Assert.Empty(await t.ConversationsAsync());
    }

    [Fact]
    public async Task An_update_type_this_version_does_not_know_is_answered_200_and_skipped()
    {
        await using var t = await TelegramHarness.StartAsync(servers, webhook: true);
        var client = t.App.CreateClient();
        var unknown = Updates.FutureType();
        unknown["update_id"] = 5;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, unknown)).StatusCode);
        Assert.Empty(await t.ConversationsAsync());
    }

    [Fact]
    public async Task When_the_store_fails_the_webhook_answers_5xx_and_the_redelivered_update_is_stored_once()
    {
        await using var proxy = new TcpProxy(servers.For(StoreServers.Garnet).Redis!);
        await using var t = await TelegramHarness.StartAsync(servers, webhook: true, redis: proxy.ConnectionString);
        var client = t.App.CreateClient();
        await t.EventuallyAsync(() => Task.FromResult(t.Api.WebhookUrl), "setWebhook");
        var update = Updates.Text(Updates.User(8383, "Jo"), "is anyone there?");
        update["update_id"] = 9;

        proxy.Cut();
        var refused = await PostAsync(client, update);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        proxy.Restore();
        var accepted = await t.EventuallyAsync(async () => await PostAsync(client, update) is { StatusCode: HttpStatusCode.OK } ok ? ok : null, "the store to be back");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var conversation = await t.SingleConversationAsync();
        Assert.Single(await t.MessagesAsync(conversation.Id));
    }
}
