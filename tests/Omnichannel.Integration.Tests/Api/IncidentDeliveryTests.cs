using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// One incident reply through real channels: the API channel's webhook (a real HTTP receiver) and a web chat visitor
/// (a real SignalR client on Kestrel) each get it exactly once, however often the lead's request is retried.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class IncidentDeliveryTests(StoreServers servers)
{
    [Theory]
    [InlineData(StoreServers.Garnet)]
    [InlineData(StoreServers.Redis)]
    public async Task An_incident_reply_reaches_an_api_webhook_and_a_web_chat_visitor_exactly_once(string backend)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new InboxApp(servers.For(backend).Redis, StoreServers.NewWorkspace())
        {
            Settings =
            {
                ["Omnichannel:Channels:Api:WebhookUrl"] = receiver.Url,
                ["Omnichannel:Channels:Api:WebhookSecret"] = "a-webhook-secret-of-some-length",
            },
        };
        var baseUrl = app.StartKestrel();
        var (lead, _, _, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        var api = (await InboxApp.PostInboundAsync(integration, "w1", "cust-1", "Checkout fails")).ConversationId;

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var session = (await (await http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", name = "Ada" }))
            .Content.ReadFromJsonAsync<SessionResponse>())!;
        var seen = new ConcurrentQueue<VisitorMessage>();
        await using var visitor = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(session.VisitorToken)}").Build();
        visitor.On<VisitorMessage>(nameof(IVisitorClient.Message), seen.Enqueue);
        await visitor.StartAsync();
        var chat = (await visitor.InvokeAsync<SendAck>("Send", "c-1", "checkout is broken")).ConversationId;

        var id = await IncidentsApiTests.CreateAsync(lead, "Checkout outage", null, null);
        (await lead.PostAsJsonAsync($"/api/incidents/{id}/conversations", new { conversationIds = new[] { api, chat } })).EnsureSuccessStatusCode();
        const string Text = "Checkout is failing for everyone; we are on it.";
        var reply = new { text = Text, replyId = "update-1" };
        (await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", reply)).EnsureSuccessStatusCode();

        await DeliveredAsync(lead, api, Text, app);
        await DeliveredAsync(lead, chat, Text, app);
        await EventuallyAsync(() => seen.Any(m => m.Text == Text));

        // Retried after both were delivered: nothing new is stored, so nothing new can be sent.
        var retried = await (await lead.PostAsJsonAsync($"/api/incidents/{id}/reply", reply)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(retried.GetProperty("conversations").EnumerateArray(), c => Assert.Equal("already-sent", c.GetProperty("outcome").GetString()));
        Assert.Single(receiver.Received, d => d.Body.Contains(Text, StringComparison.Ordinal));
        Assert.Single(seen, m => m.Text == Text);
        foreach (var conversation in new[] { api, chat })
        {
            var messages = await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversation}/messages");
            Assert.Single(messages!.Items, m => m.Text == Text);
        }

        var history = await visitor.InvokeAsync<List<VisitorMessage>>("History", 0L);
        Assert.Single(history, m => m.Text == Text);
    }

    // Delivery marks the message sent after the channel took it (the webhook answered, the visitor hub pushed it).
    private static async Task DeliveredAsync(HttpClient lead, string conversationId, string text, InboxApp app) =>
        await EventuallyAsync(async () =>
        {
            var page = await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversationId}/messages");
            if (page!.Items.Any(m => m.Text == text && m.Delivery == "sent"))
            {
                return true;
            }

            // A retry waits on the injected clock: let it move.
            app.Time.Advance(TimeSpan.FromSeconds(1));
            return false;
        });

    private static Task EventuallyAsync(Func<bool> probe) => EventuallyAsync(() => Task.FromResult(probe()));

    private static async Task EventuallyAsync(Func<Task<bool>> probe)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await probe())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("It never arrived.");
    }
}
