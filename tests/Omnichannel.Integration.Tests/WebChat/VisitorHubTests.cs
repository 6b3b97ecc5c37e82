using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Integration.Tests.WebChat;

/// <summary>The web chat's server side over a real Kestrel server: sessions, the visitor hub, delivery of replies.</summary>
[Collection(StoreCollection.Name)]
public sealed class VisitorHubTests(StoreServers servers) : IAsyncLifetime
{
    private InboxApp _app = null!;
    private string _baseUrl = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _app = InboxApp.On(servers);
        _baseUrl = _app.StartKestrel();
        _http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<SessionResponse> StartSessionAsync(object body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/sessions") { Content = JsonContent.Create(body) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SessionResponse>())!;
    }

    private async Task<(HubConnection Connection, ConcurrentQueue<VisitorMessage> Messages)> ConnectAsync(string token)
    {
        var messages = new ConcurrentQueue<VisitorMessage>();
        var connection = new HubConnectionBuilder().WithUrl($"{_baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(token)}").Build();
        connection.On<VisitorMessage>(nameof(IVisitorClient.Message), messages.Enqueue);
        await connection.StartAsync();
        return (connection, messages);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("Nothing arrived.");
    }

    [Fact]
    public async Task A_visitor_chats_with_the_assigned_agent_and_a_resent_message_is_stored_once()
    {
        var (lead, ids, _, _) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var session = await StartSessionAsync(new { site = "default", name = "Ada" });
        Assert.True(session.AgentsAvailable);
        var (visitor, messages) = await ConnectAsync(session.VisitorToken);

        var ack = await visitor.InvokeAsync<SendAck>("Send", "c-1", "Hello <b>there</b>");
        var again = await visitor.InvokeAsync<SendAck>("Send", "c-1", "Hello <b>there</b>");
        Assert.False(ack.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(ack.MessageId, again.MessageId);

        var conversation = await lead.GetFromJsonAsync<ConversationBody>($"/api/conversations/{ack.ConversationId}");
        Assert.Equal(("webchat", ids[0]), (conversation!.Channel, conversation.AssigneeId!));
        var stored = await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{ack.ConversationId}/messages");
        Assert.Equal("Hello <b>there</b>", Assert.Single(stored!.Items).Text);

        (await lead.PostAsJsonAsync($"/api/conversations/{ack.ConversationId}/messages", new { text = "Hi Ada, how can I help?" })).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/conversations/{ack.ConversationId}/messages", new { text = "secret note", @private = true })).EnsureSuccessStatusCode();
        var reply = await EventuallyAsync(() => messages.FirstOrDefault(m => m.Direction == "out"));
        Assert.Equal("Hi Ada, how can I help?", reply.Text);
        var delivered = await EventuallyAsync(async () => (await lead.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{ack.ConversationId}/messages"))!.Items.FirstOrDefault(m => m.Text == reply.Text && m.Delivery == "sent"));

        // A reload (a new connection with the same token) reads the whole history, without the private note.
        await visitor.DisposeAsync();
        var (back, _) = await ConnectAsync(session.VisitorToken);
        var history = await back.InvokeAsync<List<VisitorMessage>>("History", 0L);
        Assert.Equal(["Hello <b>there</b>", "Hi Ada, how can I help?"], history.Select(m => m.Text));
        await back.DisposeAsync();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("Nothing arrived.");
    }

    [Fact]
    public async Task A_visitor_never_reaches_another_visitors_conversation_and_forged_tokens_are_refused()
    {
        var first = await StartSessionAsync(new { site = "default" });
        var (a, _) = await ConnectAsync(first.VisitorToken);
        var sent = await a.InvokeAsync<SendAck>("Send", "x1", "my private order number is 4411");

        var second = await StartSessionAsync(new { site = "default" });
        var (b, bMessages) = await ConnectAsync(second.VisitorToken);
        Assert.Empty(await b.InvokeAsync<List<VisitorMessage>>("History", 0L));
        await b.InvokeAsync<SendAck>("Send", "y1", "hello");
        Assert.DoesNotContain(bMessages, m => m.Text.Contains("4411", StringComparison.Ordinal));
        Assert.NotEqual(sent.ConversationId, (await b.InvokeAsync<SendAck>("Send", "y2", "again")).ConversationId);

        var forged = new HubConnectionBuilder().WithUrl($"{_baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(first.VisitorToken[..^4] + "AAAA")}").Build();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await forged.StartAsync();
            await forged.InvokeAsync<SendAck>("Send", "z", "let me in");
        });
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task Floods_get_a_clear_error_and_store_nothing_and_foreign_origins_are_refused()
    {
        var session = await StartSessionAsync(new { site = "default" });
        var (visitor, _) = await ConnectAsync(session.VisitorToken);
        for (var i = 0; i < VisitorLimits.MessagesPerWindow; i++)
        {
            await visitor.InvokeAsync<SendAck>("Send", $"f{i}", $"message {i}");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<SendAck>("Send", "over", "one too many"));
        Assert.Contains("Too many messages", refused.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<SendAck>("Send", "long", new string('x', VisitorHub.MaxText + 1)));
        Assert.Contains("4000", tooLong.Message, StringComparison.Ordinal);
        var history = await visitor.InvokeAsync<List<VisitorMessage>>("History", 0L);
        Assert.Equal(VisitorLimits.MessagesPerWindow, history.Count);
        await visitor.DisposeAsync();

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/sessions") { Content = JsonContent.Create(new { site = "default" }) };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(foreign)).StatusCode);
    }

    [Fact]
    public async Task Host_identified_users_need_the_sites_hmac_and_an_offline_visitor_leaves_an_email()
    {
        var admin = await _app.SignInAsAdminAsync();
        var site = await admin.GetFromJsonAsync<JsonElement>("/api/sites/default");
        var secret = site.GetProperty("secret").GetString()!;
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("user-77")));

        var bad = await _http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", userId = "user-77", userHash = new string('0', 64) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // Nobody is on shift: the widget is told so and asks for an email, which joins the contact.
        var session = await StartSessionAsync(new { site = "default", userId = "user-77", userHash = hash });
        Assert.False(session.AgentsAvailable);
        Assert.False(string.IsNullOrEmpty(session.OfflineMessage));
        var (visitor, _) = await ConnectAsync(session.VisitorToken);
        var ack = await visitor.InvokeAsync<SendAck>("Send", "o1", "Are you there?");
        await visitor.DisposeAsync();
        await StartSessionAsync(new { site = "default", visitorToken = session.VisitorToken, email = "Ada@Example.com" });

        var conversation = await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{ack.ConversationId}");
        var contact = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{conversation!.ContactId}");
        Assert.Contains("ada@example.com", contact.ToString(), StringComparison.Ordinal);

        // The same user from another device continues the same conversation.
        var elsewhere = await StartSessionAsync(new { site = "default", userId = "user-77", userHash = hash });
        Assert.Equal(ack.ConversationId, elsewhere.ConversationId);
    }
}
