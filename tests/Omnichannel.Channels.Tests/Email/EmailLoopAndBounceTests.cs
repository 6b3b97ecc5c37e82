using Omnichannel.Channels.Email.Inbound;
using static Omnichannel.Channels.Tests.Email.EmailSamples;

namespace Omnichannel.Channels.Tests.Email;

public class EmailLoopAndBounceTests
{
    [Fact]
    public async Task An_out_of_office_reply_is_flagged_but_still_mapped()
    {
        var mapped = await Mail.MapAsync(OutOfOffice);

        Assert.True(mapped.Metadata.IsAutoReply);
        Assert.True(mapped.Metadata.IsAutomated);
        Assert.False(mapped.Metadata.IsBounce);
        Assert.Equal("Auto-Submitted: auto-replied", mapped.Metadata.AutoReplyReason);
        Assert.Equal("I am out of the office until Monday and will read your mail then.", mapped.Message.Text);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("Auto-Submitted: auto-replied; owner-email=\"erik@example.net\"")]
    [InlineData("Auto-Submitted: auto-notified")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("X-Autorespond: Vacation")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: junk")]
    [InlineData("Precedence: list")]
    [InlineData("Precedence: auto_reply")]
    [InlineData("X-Auto-Response-Suppress: All")]
    [InlineData("X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply")]
    public async Task Automatic_mail_headers_flag_the_message(string header)
    {
        var metadata = await MetadataWithAsync(header);

        Assert.True(metadata.IsAutoReply);
        Assert.Equal(header.Split(';')[0], metadata.AutoReplyReason!.Split(';')[0]);
    }

    [Theory]
    [InlineData("Auto-Submitted: no")]
    [InlineData("Auto-Submitted: No (a person wrote this)")]
    [InlineData("X-Autoreply: no")]
    [InlineData("Precedence: first-class")]
    [InlineData("X-Auto-Response-Suppress: None")]
    [InlineData("X-Mailer: Microsoft Outlook 16.0")]
    public async Task A_persons_mail_is_not_flagged(string header)
    {
        var metadata = await MetadataWithAsync(header);

        Assert.False(metadata.IsAutoReply);
        Assert.Null(metadata.AutoReplyReason);
    }

    [Fact]
    public async Task A_read_receipt_is_automatic()
    {
        var mapped = await Mail.MapAsync("""
            From: Ana <ana@example.com>
            To: support@company.example
            Subject: Read: Your ticket
            Message-ID: <mdn-1@example.com>
            Content-Type: multipart/report; report-type=disposition-notification; boundary="m"

            --m
            Content-Type: text/plain

            Your message was read on Monday.
            --m
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; ana@example.com
            Original-Message-ID: <reply-5@support.company.example>
            Disposition: manual-action/MDN-sent-manually; displayed
            --m--
            """);

        Assert.True(mapped.Metadata.IsAutoReply);
        Assert.False(mapped.Metadata.IsBounce);
        Assert.Equal("Your message was read on Monday.", mapped.Message.Text);
        Assert.Empty(mapped.Message.Attachments);
    }

    [Fact]
    public async Task A_bounce_names_the_message_that_bounced_the_failed_recipient_and_the_servers_reason()
    {
        var mapped = await Mail.MapAsync(PostfixBounce);

        var bounce = mapped.Metadata.Bounce;
        Assert.NotNull(bounce);
        Assert.True(mapped.Metadata.IsBounce);
        Assert.True(mapped.Metadata.IsAutomated);
        Assert.Equal("reply-42.conv-7f3a@support.company.example", bounce.OriginalMessageId);
        Assert.True(bounce.IsFailure);
        Assert.Equal(["nobody@customer.example"], bounce.FailedRecipients);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.Equal("smtp; 550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown", bounce.Diagnostic);

        Assert.Equal("mailer-daemon@mx.customer.example", mapped.Message.Sender.Value);
        Assert.StartsWith("This is the mail system at host mx.customer.example.", mapped.Message.Text);
        Assert.Empty(mapped.Message.Attachments);
    }

    [Fact]
    public async Task A_delay_warning_is_a_bounce_that_is_not_a_failure_and_finds_the_id_in_the_returned_message()
    {
        var mapped = await Mail.MapAsync(DelayedDsnWithReturnedMessage);

        var bounce = mapped.Metadata.Bounce;
        Assert.NotNull(bounce);
        Assert.False(bounce.IsFailure);
        Assert.Empty(bounce.FailedRecipients);
        Assert.Equal("4.4.7", bounce.Status);
        Assert.Equal("reply-77@support.company.example", bounce.OriginalMessageId);
    }

    [Fact]
    public async Task A_bounce_that_quotes_the_headers_in_its_text_still_yields_the_original_id()
    {
        var mapped = await Mail.MapAsync("""
            From: MAILER-DAEMON@old.example
            To: support@company.example
            Subject: failure notice
            Message-ID: <qmail-1@old.example>
            Content-Type: multipart/report; report-type=delivery-status; boundary="q"

            --q
            Content-Type: text/plain

            Sorry, I couldn't deliver your message.

            --- Below this line is a copy of the message.

            From: support@company.example
            Message-ID: <reply-99@support.company.example>
            Subject: Re: Hello
            --q--
            """);

        Assert.Equal("reply-99@support.company.example", mapped.Metadata.Bounce?.OriginalMessageId);
        Assert.True(mapped.Metadata.Bounce?.IsFailure);
    }

    [Fact]
    public async Task A_plain_report_without_delivery_status_is_not_a_bounce()
    {
        var mapped = await Mail.MapAsync("""
            From: dmarc@reports.example
            Message-ID: <dmarc-1@reports.example>
            Content-Type: multipart/report; report-type=feedback-report; boundary="f"

            --f
            Content-Type: text/plain

            This is an abuse report.
            --f--
            """);

        Assert.Null(mapped.Metadata.Bounce);
    }

    private static async Task<EmailMetadata> MetadataWithAsync(string header) =>
        (await Mail.MapAsync($"From: a@example.com\nTo: support@company.example\n{header}\nMessage-ID: <h@x>\n\nHello\n")).Metadata;
}
