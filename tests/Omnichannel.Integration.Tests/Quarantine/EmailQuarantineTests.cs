using System.Net;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Infrastructure;

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
}
