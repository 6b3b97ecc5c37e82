using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>The whole server with one mailbox on the test Dovecot, and the reads the email tests make through its API.</summary>
internal static class EmailApp
{
    public const string Mailbox = "support";

    public static InboxApp Create(MailServers mail, StoreServers stores, string user, string? workspace = null, string folder = "INBOX", Dictionary<string, string>? settings = null)
    {
        var app = new InboxApp(stores.For(StoreServers.Garnet).Redis, workspace ?? StoreServers.NewWorkspace()) { RealClock = true };
        var prefix = "Omnichannel:Channels:Email:Mailboxes:0:";
        app.Settings[prefix + "Name"] = Mailbox;
        app.Settings[prefix + "ImapHost"] = "127.0.0.1";
        app.Settings[prefix + "ImapPort"] = mail.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings[prefix + "ImapSecurity"] = "None";
        app.Settings[prefix + "Username"] = user;
        app.Settings[prefix + "Password"] = MailServers.Password;
        app.Settings[prefix + "Folder"] = folder;
        app.Settings[prefix + "SmtpHost"] = "127.0.0.1";
        app.Settings[prefix + "SmtpPort"] = mail.SubmissionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings[prefix + "SmtpSecurity"] = "None";
        app.Settings[prefix + "FromAddress"] = user;
        app.Settings[prefix + "FromName"] = "Acme Support";
        app.Settings[prefix + "ImportExisting"] = "All";
        app.Settings[prefix + "ReconnectDelay"] = "00:00:00.200";
        app.Settings[prefix + "MaxReconnectDelay"] = "00:00:01";
        foreach (var (key, value) in settings ?? [])
        {
            app.Settings[prefix + key] = value;
        }

        return app;
    }

    /// <summary>Starts the host (the pollers start with it).</summary>
    public static async Task<HttpClient> StartAsync(InboxApp app) => await app.SignInAsAdminAsync();

    public static IMailboxStateStore State(InboxApp app) => app.Services.GetRequiredService<IMailboxStateStore>();

    public static async Task<List<EmailConversation>> ConversationsAsync(HttpClient admin)
    {
        var all = new List<EmailConversation>();
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<PageBody<EmailConversation>>($"/api/conversations?view=all&limit=100{(cursor is null ? "" : "&cursor=" + cursor)}");
            all.AddRange(page!.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    /// <summary>The conversation's messages, oldest first.</summary>
    public static async Task<List<EmailMessage>> MessagesAsync(HttpClient admin, string conversationId)
    {
        var page = await admin.GetFromJsonAsync<PageBody<EmailMessage>>($"/api/conversations/{conversationId}/messages?limit=100");
        return [.. page!.Items.AsEnumerable().Reverse()];
    }

    /// <summary>Waits until the conversations hold <paramref name="messages"/> messages in all.</summary>
    public static async Task<List<EmailConversation>> WaitForMessagesAsync(HttpClient admin, int messages, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        List<EmailConversation> conversations;
        do
        {
            conversations = await ConversationsAsync(admin);
            if (conversations.Sum(c => c.MessageCount) >= messages)
            {
                return conversations;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Expected {messages} stored messages, found {conversations.Sum(c => c.MessageCount)}.");
    }
}

public sealed record EmailConversation(string Id, string Channel, string Account, string Status, string? AssigneeId, string ContactId, string? Subject, int MessageCount);

public sealed record EmailMessage(
    string Id, string Direction, string Text, string? Html, DateTimeOffset CreatedAt, bool Private, string Delivery, string? DeliveryError,
    string AuthorKind, string? AuthorName, List<EmailAttachment>? Attachments);

public sealed record EmailAttachment(string Id, string FileName, string ContentType, long Size);
