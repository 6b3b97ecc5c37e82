using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Agents' replies in API conversations reach the integration's webhook, signed, retried until they land.</summary>
[Collection(StoreCollection.Name)]
public sealed class ApiChannelWebhookTests(StoreServers servers)
{
    private const string Secret = "a-webhook-secret-of-some-length";

    private InboxApp AppWith(WebhookReceiver receiver) => new(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
    {
        Settings =
        {
            ["Omnichannel:Channels:Api:WebhookUrl"] = receiver.Url,
            ["Omnichannel:Channels:Api:WebhookSecret"] = Secret,
            ["Omnichannel:Channels:Api:MaxAttempts"] = "3",
        },
    };

    private static async Task<MessageBody> WaitForDeliveryAsync(HttpClient client, string conversationId, string messageId, string state, InboxApp app)
    {
        for (var i = 0; i < 200; i++)
        {
            var page = await client.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversationId}/messages");
            var message = page!.Items.Single(m => m.Id == messageId);
            if (message.Delivery == state)
            {
                return message;
            }

            // Retries wait on the injected clock: move it on, then give the sender a moment.
            app.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
        }

        throw new TimeoutException($"Message {messageId} never became {state}.");
    }

    [Fact]
    public async Task A_reply_is_posted_to_the_webhook_signed_and_marked_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = AppWith(receiver);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w1", "cust-1", "Where is my parcel?");

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "It ships today." });
        var note = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "internal only", @private = true });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        await WaitForDeliveryAsync(admin, ids.ConversationId, replyId, "sent", app);
        var delivery = Assert.Single(receiver.Received);
        using var payload = JsonDocument.Parse(delivery.Body);
        Assert.Equal(replyId, payload.RootElement.GetProperty("messageId").GetString());
        Assert.Equal("It ships today.", payload.RootElement.GetProperty("text").GetString());
        Assert.Equal("cust-1", payload.RootElement.GetProperty("contact").GetProperty("identifier").GetString());
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(delivery.Body)));
        Assert.Equal(expected, delivery.Headers["X-Omnichannel-Signature"]);
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.DoesNotContain(receiver.Received, d => d.Body.Contains("internal only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_and_the_reply_lands_once_it_answers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var app = AppWith(receiver);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w2", "cust-2", "Hello?");

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "Hi!" });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        await WaitForDeliveryAsync(admin, ids.ConversationId, replyId, "sent", app);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_webhook_that_never_answers_leaves_the_reply_failed_with_the_reason()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100);
        await using var app = AppWith(receiver);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w3", "cust-3", "Hello?");

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "Hi!" });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        await WaitForDeliveryAsync(admin, ids.ConversationId, replyId, "failed", app);
        var messages = await admin.GetStringAsync($"/api/conversations/{ids.ConversationId}/messages");
        Assert.Contains("503", messages);
    }

    [Fact]
    public async Task A_webhook_answering_410_Gone_fails_the_reply_at_once_without_trying_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100, failStatus: StatusCodes.Status410Gone);
        await using var app = AppWith(receiver);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w5", "cust-5", "Hello?");

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "Hi!" });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        await WaitForDeliveryAsync(admin, ids.ConversationId, replyId, "failed", app);
        Assert.Contains("410 Gone", await admin.GetStringAsync($"/api/conversations/{ids.ConversationId}/messages"), StringComparison.Ordinal);
        Assert.Equal(1, receiver.Calls);
    }

    [Fact]
    public async Task A_webhook_that_hangs_is_cut_off_by_the_outbox_attempt_timeout_and_the_reply_is_sent_on_the_next_try()
    {
        await using var receiver = await WebhookReceiver.StartAsync(hangFirst: 1);
        await using var app = AppWith(receiver);
        app.Settings["Omnichannel:Channels:Api:Timeout"] = "00:05:00";
        app.Settings["Omnichannel:Outbox:AttemptTimeout"] = "00:00:05";
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w6", "cust-6", "Hello?");

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "Hi!" });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        await WaitForDeliveryAsync(admin, ids.ConversationId, replyId, "sent", app);
        Assert.Equal(2, receiver.Calls);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task The_integration_reports_delivery_of_a_reply_and_cannot_undo_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = AppWith(receiver);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ids = await InboxApp.PostInboundAsync(integration, "w4", "cust-4", "Hello?");
        var reply = await admin.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages", new { text = "Hi!" });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;
        var url = $"/api/conversations/{ids.ConversationId}/messages/{replyId}/delivery";

        var delivered = await integration.PostAsJsonAsync(url, new { state = "delivered" });
        var lateFailure = await integration.PostAsJsonAsync(url, new { state = "failed", error = "late" });
        var onInbound = await integration.PostAsJsonAsync($"/api/conversations/{ids.ConversationId}/messages/{ids.MessageId}/delivery", new { state = "delivered" });
        var byAgent = await admin.PostAsJsonAsync(url, new { state = "delivered" });
        var invalid = await integration.PostAsJsonAsync(url, new { state = "pending" });

        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, lateFailure.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onInbound.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var message = (await admin.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{ids.ConversationId}/messages"))!.Items.Single(m => m.Id == replyId);
        Assert.Equal("delivered", message.Delivery);
    }
}
