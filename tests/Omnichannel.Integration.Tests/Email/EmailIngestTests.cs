using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>Mail delivered to a real Dovecot (as an MTA does, with doveadm save) reaches the inbox as conversations.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailIngestTests(MailServers mail, StoreServers stores)
{
    [Fact]
    public async Task Every_kind_of_mail_becomes_a_readable_conversation_and_a_bad_one_does_not_stop_the_mailbox()
    {
        var user = MailServers.NewUser();
        // The 20 MB attachment is 27 MB of base64, over the default MaxMessageBytes (25 MB): this test is about the
        // attachment limit, so the mail itself is let in (EmailQuarantineTests has the mail limit).
        await using var app = EmailApp.Create(mail, stores, user, settings: new() { ["MaxMessageBytes"] = "41943040" });
        var admin = await EmailApp.StartAsync(app);

        mail.Deliver(user, Mails.Plain("Ana Example <ana@cust.example>", user, "Where is my parcel?", "It has been a week.", "plain@cust.example"));
        mail.Deliver(user, Mails.HtmlOnly("ben@cust.example", user, "html@cust.example"));
        mail.Deliver(user, Mails.Malformed("broken@cust.example", user));
        mail.Deliver(user, Mails.WithAttachments("cleo@cust.example", user, "files@cust.example"));
        mail.Deliver(user, Mails.Latin1("joerg@cust.example", user, "latin1@cust.example"));
        mail.Deliver(user, Mails.BrokenCharset("dora@cust.example", user, "charset@cust.example"));
        mail.Deliver(user, Mails.Plain("eve@cust.example", user, "no id", "A mail without Message-ID.", messageId: null));
        mail.Deliver(user, Mails.Large("fred@cust.example", user, "large@cust.example", 20 * 1024 * 1024));

        var conversations = await EmailApp.WaitForMessagesAsync(admin, 8, TimeSpan.FromSeconds(40));
        Assert.Equal(8, conversations.Count);
        Assert.All(conversations, c => Assert.Equal(("email", EmailApp.Mailbox, "open"), (c.Channel, c.Account, c.Status)));

        async Task<EmailMessage> Only(string subject)
        {
            var conversation = Assert.Single(conversations, c => c.Subject == subject);
            return Assert.Single(await EmailApp.MessagesAsync(admin, conversation.Id));
        }

        var plain = await Only("Where is my parcel?");
        Assert.Equal(("It has been a week.", "Ana Example"), (plain.Text, plain.AuthorName));

        var html = await Only("HTML only");
        Assert.Contains("my order is late.", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Html, StringComparison.OrdinalIgnoreCase);

        var files = await Only("Invoice and a screenshot");
        Assert.Equal("See the screenshot and the invoice.", files.Text);
        Assert.Equal(["invoice.pdf", "shot.png"], files.Attachments!.Select(a => a.FileName).Order());
        var download = await admin.GetAsync($"/api/conversations/{conversations.Single(c => c.Subject == "Invoice and a screenshot").Id}/messages/{files.Id}/attachments/{files.Attachments!.Single(a => a.FileName == "invoice.pdf").Id}");
        Assert.StartsWith("%PDF-1.4", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var latin = await Only("Überweisung für Bestellung");
        Assert.Equal(("Grüße, die Lieferung ist verspätet.", "Jörg Müller"), (latin.Text, latin.AuthorName));

        Assert.Equal("Café crème", (await Only("broken charset")).Text);
        Assert.Equal("A mail without Message-ID.", (await Only("no id")).Text);

        var large = await Only("big file");
        Assert.Empty(large.Attachments ?? []);
        Assert.Contains("[Attachment not stored: \"logs.zip\" (20 MB) is larger than the 10 MB limit.]", large.Text, StringComparison.Ordinal);

        // The malformed one is kept as far as it could be read; either way the mailbox went on past it.
        Assert.Contains(conversations, c => c.Subject == "malformed");
    }

    [Fact]
    public async Task A_thread_of_five_mails_lands_in_one_conversation_whatever_the_client_keeps_of_the_headers()
    {
        var user = MailServers.NewUser();
        await using var app = EmailApp.Create(mail, stores, user);
        var admin = await EmailApp.StartAsync(app);
        const string Ana = "Ana <ana@cust.example>";

        mail.Deliver(user, Mails.Plain(Ana, user, "Refund for order 77", "First.", "t1@cust.example"));
        // In-Reply-To only; References only (an old client); the whole chain; no thread headers, just "Re:" from the same sender.
        mail.Deliver(user, Mails.Plain(Ana, user, "Re: Refund for order 77", "Second.", "t2@cust.example", inReplyTo: "t1@cust.example"));
        mail.Deliver(user, Mails.Plain(Ana, user, "Re: Refund for order 77", "Third.", "t3@cust.example", references: "<t1@cust.example> <t2@cust.example>"));
        mail.Deliver(user, Mails.Plain("Colleague <bob@cust.example>", user, "RE: Refund for order 77", "Fourth, from a colleague in Cc.", "t4@cust.example", inReplyTo: "t3@cust.example", references: "<t1@cust.example> <t2@cust.example> <t3@cust.example>"));
        mail.Deliver(user, Mails.Plain(Ana, user, "AW: Re: Refund for order 77", "Fifth.", "t5@cust.example"));
        // Someone else with the same subject and no thread headers is a conversation of their own.
        mail.Deliver(user, Mails.Plain("Zoe <zoe@cust.example>", user, "Refund for order 77", "Unrelated.", "z1@cust.example"));

        var conversations = await EmailApp.WaitForMessagesAsync(admin, 6);
        var thread = Assert.Single(conversations, c => c.MessageCount == 5);
        Assert.Equal(["First.", "Second.", "Third.", "Fourth, from a colleague in Cc.", "Fifth."], (await EmailApp.MessagesAsync(admin, thread.Id)).Select(m => m.Text));
        Assert.Equal(2, conversations.Count);
    }
}
