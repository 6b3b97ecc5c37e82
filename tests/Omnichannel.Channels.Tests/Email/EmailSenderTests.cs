using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Who a mail is from: the From author is the contact; Reply-To is where replies go.</summary>
public class EmailSenderTests
{
    [Fact]
    public async Task From_is_the_contact_and_Reply_To_is_kept_as_where_replies_go()
    {
        var mapped = await Mail.MapAsync("""
            From: Web Shop <noreply@shop.example>
            Reply-To: Gina Visitor <Gina@Visitor.example>, other@visitor.example
            To: support@company.example
            Subject: Contact form
            Message-ID: <form-1@shop.example>

            Hello from the contact form.
            """);

        Assert.Equal("noreply@shop.example", mapped.Message.Sender.Value);
        Assert.Equal("Web Shop", mapped.Message.SenderName);
        Assert.Equal(["gina@visitor.example", "other@visitor.example"], mapped.Metadata.ReplyTo);
    }

    [Fact]
    public async Task Without_a_usable_From_the_Sender_header_is_the_contact()
    {
        var mapped = await Mail.MapAsync("""
            From: undisclosed
            Sender: Helpdesk Robot <robot@tools.example>
            Subject: x
            Message-ID: <no-from-1@tools.example>

            Body.
            """);

        Assert.Equal("robot@tools.example", mapped.Message.Sender.Value);
        Assert.Equal("Helpdesk Robot", mapped.Message.SenderName);
    }

    [Fact]
    public async Task A_mail_without_any_usable_address_is_rejected_with_its_message_id()
    {
        var result = await Mail.MapResultAsync(Mail.Parse("""
            From: "Nobody at all"
            Subject: x
            Message-ID: <orphan-1@somewhere.example>

            Body.
            """));

        var rejected = Assert.IsType<EmailRejectedMessage>(result);
        Assert.Equal(EmailRejectReason.NoSender, rejected.Reason);
        Assert.Equal("orphan-1@somewhere.example", rejected.MessageId);
    }

    [Fact]
    public async Task A_name_that_is_only_the_address_or_in_Outlook_single_quotes_is_cleaned()
    {
        var bare = await Mail.MapAsync("From: \"hans@example.com\" <hans@example.com>\nMessage-ID: <a@b>\n\nHi\n");
        var quoted = await Mail.MapAsync("From: 'Ines Ortega' <ines@example.com>\nMessage-ID: <c@d>\n\nHi\n");

        Assert.Null(bare.Message.SenderName);
        Assert.Equal("Ines Ortega", quoted.Message.SenderName);
    }
}
