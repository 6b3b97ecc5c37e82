using System.Net;
using MailKit;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;

namespace Omnichannel.Integration.Tests.Quarantine;

/// <summary>Mail on a real Dovecot that cannot be stored is set aside, and the mailbox goes on with the next mail.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailQuarantineTests(MailServers mail, StoreServers stores)
{
    /// <summary>No header at all: the first line has no colon, so there is no message to read.</summary>
    private const string NotMail = "\u0001\u0002 this is no mail, just bytes\r\nand more bytes\r\n";

    [Fact]
    public async Task An_oversized_mail_is_quarantined_unfetched_and_one_that_is_not_mail_with_its_bytes_while_the_next_arrives()
    {
        var user = MailServers.NewUser();
        await using var app = EmailApp.Create(mail, stores, user, settings: new() { ["MaxMessageBytes"] = "65536" });
        var admin = await EmailApp.StartAsync(app);

        mail.Deliver(user, Mails.Large("fred@cust.example", user, "big@cust.example", 200 * 1024));
        mail.Deliver(user, NotMail);
        mail.Deliver(user, Mails.Plain("Ana <ana@cust.example>", user, "After the poison", "Still here.", "after@cust.example"));

        var conversation = Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 1, TimeSpan.FromSeconds(40)));
        Assert.Equal("After the poison", conversation.Subject);
        var entries = await QuarantineClient.WaitForAsync(admin, 2);
        var cursor = await EmailApp.State(app).GetCursorAsync(EmailApp.Mailbox);
        Assert.Equal(3u, cursor!.LastUid);

        var large = Assert.Single(entries, e => e.Item == $"{cursor.UidValidity}:1");
        Assert.Equal(("email", EmailApp.Mailbox, false, 0), (large.Channel, large.Account, large.RawKept, large.Attempts));
        Assert.StartsWith("too large", large.Reason, StringComparison.Ordinal);

        var notMail = Assert.Single(entries, e => e.Item == $"{cursor.UidValidity}:2");
        Assert.True(notMail.RawKept);
        Assert.Equal(1, notMail.Attempts);
        Assert.StartsWith("Not a mail", notMail.Reason, StringComparison.Ordinal);

        // A retry still finds no mail in it, and the oversized one is still over the limit on the server.
        var retried = await admin.PostAsync($"/api/quarantine/{notMail.Id}/retry", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retried.StatusCode);
        var tooLarge = await admin.PostAsync($"/api/quarantine/{large.Id}/retry", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLarge.StatusCode);
        Assert.Contains("Still too large", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await QuarantineClient.ListAsync(admin)).Count);
    }

    [Fact]
    public async Task A_mail_that_crashed_the_server_three_times_is_set_aside_with_its_bytes_and_a_retry_stores_it()
    {
        var user = MailServers.NewUser();
        var workspace = StoreServers.NewWorkspace();
        mail.Deliver(user, Mails.Large("gus@cust.example", user, "crash@cust.example", 100 * 1024));
        uint uidValidity;
        using (var imap = await mail.ConnectAsync(user))
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            uidValidity = imap.Inbox.UidValidity;
            await imap.DisconnectAsync(true);
        }

        // What three crashes while reading UID 1 leave behind: three tries begun, none finished.
        await using (var connection = new RedisConnection(
            new StoreOptions { Redis = stores.For(StoreServers.Garnet).Redis, Workspace = workspace }, null))
        {
            var tries = new RedisQuarantine(connection);
            for (var i = 0; i < 3; i++)
            {
                await tries.BeginAttemptAsync(new InboundItemRef("email", EmailApp.Mailbox, $"{uidValidity}:1"));
            }
        }

        await using var app = EmailApp.Create(mail, stores, user, workspace);
        var admin = await EmailApp.StartAsync(app);
        mail.Deliver(user, Mails.Plain("Ana <ana@cust.example>", user, "The next one", "Hello.", "next@cust.example"));

        Assert.Equal("The next one", Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 1)).Subject);
        var entry = Assert.Single(await QuarantineClient.ListAsync(admin));
        Assert.Equal(($"{uidValidity}:1", 3, "The server stopped while reading it.", true),
            (entry.Item, entry.Attempts, entry.Reason, entry.RawKept));
        Assert.True(entry.RawBytes > 100 * 1024, "a mail over 64 KB is kept in the blob store");

        var retry = await admin.PostAsync($"/api/quarantine/{entry.Id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var conversations = await EmailApp.WaitForMessagesAsync(admin, 2);
        var stored = Assert.Single(conversations, c => c.Subject == "big file");
        Assert.Equal(["logs.zip"], Assert.Single(await EmailApp.MessagesAsync(admin, stored.Id)).Attachments!.Select(a => a.FileName));
        Assert.Empty(await QuarantineClient.ListAsync(admin));
        Assert.Equal(2u, (await EmailApp.State(app).GetCursorAsync(EmailApp.Mailbox))!.LastUid);
    }
}
