using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis.Embedded;
using Omnichannel.Server.Channels.WebChat;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Backup;

/// <summary>
/// What the backup test puts into a server and reads back out: a conversation per channel it can reach here (the
/// API, web chat, email with two attachments), and the whole workspace as lines to compare, with each file's hash.
/// </summary>
internal static class BackupWorkspace
{
    public static async Task FillAsync(ServerProcess server, HttpClient admin, MailServers mail, string mailbox)
    {
        var created = await admin.PostAsJsonAsync("/api/tokens", new { name = "backup", scopes = new[] { "inbound" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        using (var integration = new HttpClient { BaseAddress = server.BaseAddress })
        {
            integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var inbound = await integration.PostAsJsonAsync("/api/inbound",
                new { sourceId = "order-1", contact = new { identifier = "crm-42", name = "Ada" }, text = "Where is order 1?" });
            Assert.Equal(HttpStatusCode.Created, inbound.StatusCode);
        }

        using (var http = new HttpClient { BaseAddress = server.BaseAddress })
        {
            var session = await http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", name = "Visitor" });
            Assert.True(session.IsSuccessStatusCode, await session.Content.ReadAsStringAsync());
            var visitorToken = (await session.Content.ReadFromJsonAsync<SessionResponse>())!.VisitorToken;
            var url = new Uri(server.BaseAddress, WebChatRegistration.VisitorHubPath.TrimStart('/')
                + "?visitor_token=" + Uri.EscapeDataString(visitorToken));
            await using var hub = new HubConnectionBuilder().WithUrl(url).Build();
            hub.On<VisitorMessage>(nameof(IVisitorClient.Message), _ => { });
            await hub.StartAsync();
            await hub.InvokeAsync<SendAck>("Send", "c1", "Hello from the widget");
        }

        mail.Deliver(mailbox, Mails.WithAttachments("customer@cust.example", mailbox, "invoice-1@cust.example"));
        await EmailApp.WaitForMessagesAsync(admin, 3, TimeSpan.FromSeconds(30));
    }

    /// <summary>Every conversation, message and attachment (its bytes hashed), one sorted line each.</summary>
    public static async Task<List<string>> ReadAsync(HttpClient admin)
    {
        var lines = new List<string>();
        foreach (var conversation in await EmailApp.ConversationsAsync(admin))
        {
            lines.Add($"conversation {conversation.Id} {conversation.Channel} {conversation.Status} "
                + $"{conversation.ContactId} {conversation.MessageCount}");
            foreach (var message in await EmailApp.MessagesAsync(admin, conversation.Id))
            {
                lines.Add($"message {conversation.Id} {message.Id} {message.Direction} {message.Text}");
                foreach (var attachment in message.Attachments ?? [])
                {
                    var bytes = await admin.GetByteArrayAsync(
                        $"/api/conversations/{conversation.Id}/messages/{message.Id}/attachments/{attachment.Id}");
                    lines.Add($"file {message.Id} {attachment.FileName} {attachment.Size} "
                        + Convert.ToHexStringLower(SHA256.HashData(bytes)));
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The mailbox's IMAP cursor (UIDVALIDITY and UID) as the running server's embedded store holds it.</summary>
    public static async Task<string> CursorAsync(string dataDirectory, string mailbox)
    {
        var endpoint = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, EmbeddedStoreEndpoint.FileName))).Split(' ');
        var password = EmbeddedStoreSecrets.ReadPassword(dataDirectory);
        var port = int.Parse(endpoint[1], CultureInfo.InvariantCulture);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},password={password}");
        var cursor = await redis.GetDatabase().HashGetAllAsync($"oc:{{default}}:email:{mailbox}:cursor");
        return string.Join(" ", cursor.OrderBy(e => (string)e.Name!, StringComparer.Ordinal).Select(e => $"{e.Name}={e.Value}"));
    }

    public static async Task WaitForCursorAsync(string dataDirectory, string mailbox, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string cursor;
        while ((cursor = await CursorAsync(dataDirectory, mailbox)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the cursor is {cursor}, not {expected}");
            await Task.Delay(50);
        }
    }
}
