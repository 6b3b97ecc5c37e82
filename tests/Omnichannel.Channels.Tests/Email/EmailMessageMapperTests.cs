using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Model;
using static Omnichannel.Channels.Tests.Email.EmailSamples;

namespace Omnichannel.Channels.Tests.Email;

public class EmailMessageMapperTests
{
    [Fact]
    public async Task A_Gmail_reply_keeps_the_new_text_and_moves_the_quoted_trail_to_the_metadata()
    {
        var mapped = await Mail.MapAsync(GmailReply);
        var message = mapped.Message;

        Assert.Equal(ChannelNames.Email, message.Channel);
        Assert.Equal(Mail.Account, message.Account);
        Assert.Equal(Mail.Queue, message.Queue);
        Assert.Equal("CAHk2xyz+1@mail.gmail.com", message.ExternalId);
        Assert.Equal(new ContactIdentity(IdentityKinds.Email, "ana.example@example.com"), message.Sender);
        Assert.Equal("Ana Example", message.SenderName);
        Assert.Equal("Re: Order 1234 has not arrived", message.Subject);
        Assert.Equal("Thanks, the tracking number works now. It says it will arrive on Friday.\n\nAna", message.Text);
        Assert.Null(message.ThreadKey);
        Assert.Empty(message.Attachments);

        Assert.NotNull(message.Html);
        Assert.Contains("arrive on Friday", message.Html);
        Assert.DoesNotContain("warehouse", message.Html);
        Assert.DoesNotContain("gmail_quote", message.Html);

        var meta = mapped.Metadata;
        Assert.Equal("CAHk2xyz+1@mail.gmail.com", meta.MessageId);
        Assert.Equal("reply-1@support.company.example", meta.InReplyTo);
        Assert.Equal(["first-1@mail.gmail.com", "reply-1@support.company.example"], meta.References);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 12, 44, TimeSpan.FromHours(1)), meta.Date);
        Assert.False(meta.IsAutomated);
        Assert.NotNull(meta.QuotedText);
        Assert.StartsWith("On Mon, Mar 4, 2024", meta.QuotedText);
        Assert.Contains("> your parcel left our warehouse today.", meta.QuotedText);
        Assert.Empty(mapped.Notes);
    }

    [Fact]
    public async Task An_Outlook_reply_loses_its_From_Sent_block_in_the_text_and_in_the_HTML()
    {
        var mapped = await Mail.MapAsync(OutlookReply);

        Assert.Equal("Hi,\n\nThe invoice number is INV-2024-001. Could you resend it as PDF?\n\nRegards,\nBob", mapped.Message.Text);
        Assert.Equal("bob@builder.example", mapped.Message.Sender.Value);
        Assert.Equal("Bob Builder", mapped.Message.SenderName);

        var html = mapped.Message.Html;
        Assert.NotNull(html);
        Assert.Contains("INV-2024-001", html);
        Assert.DoesNotContain("which invoice do you mean", html);
        Assert.DoesNotContain("Sent:", html);
        Assert.DoesNotContain("MsoNormal", html);
        Assert.DoesNotContain("<style", html);

        Assert.NotNull(mapped.Metadata.QuotedText);
        Assert.StartsWith("________________________________\nFrom: Company Support", mapped.Metadata.QuotedText);
        Assert.EndsWith("Hello Bob, which invoice do you mean?", mapped.Metadata.QuotedText);
    }

    [Fact]
    public async Task An_HTML_only_Outlook_on_the_web_reply_gets_its_text_from_the_HTML_without_the_trail()
    {
        var mapped = await Mail.MapAsync(OutlookWebHtmlOnly);

        Assert.Equal("Yes, please cancel the subscription. Grüße", mapped.Message.Text);
        Assert.NotNull(mapped.Message.Html);
        Assert.Contains("cancel the subscription", mapped.Message.Html);
        Assert.DoesNotContain("Do you want us", mapped.Message.Html);
        Assert.DoesNotContain("<hr", mapped.Message.Html);
        Assert.DoesNotContain("divRplyFwdMsg", mapped.Message.Html);
        Assert.NotNull(mapped.Metadata.QuotedText);
        Assert.Contains("From: Company Support <support@company.example>", mapped.Metadata.QuotedText);
        Assert.Contains("Do you want us to cancel it?", mapped.Metadata.QuotedText);
    }

    [Fact]
    public async Task An_Apple_Mail_reply_drops_the_quoted_attribution_and_the_cite_blockquote()
    {
        var mapped = await Mail.MapAsync(AppleMailReply);

        Assert.Equal("It worked, thank you!\n\nDana", mapped.Message.Text);
        Assert.NotNull(mapped.Message.Html);
        Assert.Contains("It worked", mapped.Message.Html);
        Assert.DoesNotContain("reset your password", mapped.Message.Html);
        Assert.NotNull(mapped.Metadata.QuotedText);
        Assert.StartsWith("> On 7. Mar 2024, at 16:40", mapped.Metadata.QuotedText);
        Assert.Equal("5B1C1E7A-7E1D-4E0B-9C43-3E7A1B2C3D4E@icloud.example", mapped.Message.ExternalId);
    }

    [Fact]
    public async Task An_HTML_only_Apple_Mail_reply_cuts_the_attribution_left_above_the_quote()
    {
        var htmlOnly = """
            From: Dana <dana@icloud.example>
            To: support@company.example
            Subject: Re: Password reset
            Message-Id: <apple-html-1@icloud.example>
            Content-Type: text/html; charset=utf-8

            <html><body>It worked, thank you!<div><br></div><div>Dana</div><div><br><div>On 7. Mar 2024, at 16:40, Company Support &lt;support@company.example&gt; wrote:</div><br class="Apple-interchange-newline"><blockquote type="cite"><div>Hi Dana, please use the link below.</div></blockquote></div></body></html>
            """;

        var mapped = await Mail.MapAsync(htmlOnly);

        Assert.Equal("It worked, thank you!\n\nDana", mapped.Message.Text);
        Assert.DoesNotContain("wrote:", mapped.Message.Html);
        Assert.DoesNotContain("use the link", mapped.Message.Html);
        Assert.NotNull(mapped.Metadata.QuotedText);
        Assert.StartsWith("On 7. Mar 2024, at 16:40", mapped.Metadata.QuotedText);
        Assert.Contains("Hi Dana, please use the link below.", mapped.Metadata.QuotedText);
    }

    [Fact]
    public async Task Encoded_words_in_the_name_and_subject_are_decoded()
    {
        var mapped = await Mail.MapAsync(EncodedWords);

        Assert.Equal("Jürgen Müller", mapped.Message.SenderName);
        Assert.Equal("juergen@example.de", mapped.Message.Sender.Value);
        Assert.Equal("Bestellung für München – dringend", mapped.Message.Subject);
        Assert.Equal("Grüße aus München!", mapped.Message.Text);
        Assert.Null(mapped.Message.Html);
    }

    [Fact]
    public async Task A_multipart_alternative_with_an_inline_image_and_a_file_keeps_both_and_maps_the_content_id()
    {
        var sink = new RecordingAttachmentSink();
        var mapped = await Mail.MapAsync(AlternativeWithInlineImageAndAttachment, sink: sink);

        Assert.Equal("The app shows this error (screenshot below), log attached.", mapped.Message.Text);
        Assert.Equal(
            [("screenshot.png", "image/png", "part1.shot@example.org"), ("app-log.pdf", "application/pdf", null)],
            sink.Saved.Select(s => (s.FileName, s.ContentType, s.ContentId)));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], sink.Saved[0].Bytes[..4]);
        Assert.Equal("%PDF-1.4"u8.ToArray(), sink.Saved[1].Bytes[..8]);

        Assert.Equal(["att-1", "att-2"], mapped.Message.Attachments.Select(a => a.Id));
        Assert.Equal(new Dictionary<string, string> { ["part1.shot@example.org"] = "att-1" }, mapped.Metadata.InlineAttachments);
        Assert.Contains("src=\"cid:part1.shot@example.org\"", mapped.Message.Html);
    }

    [Fact]
    public async Task A_subject_with_folded_lines_and_tabs_becomes_one_clean_line()
    {
        var mapped = await Mail.MapAsync("From: a@example.com\nSubject: Invoice\n\t  overdue   again\nMessage-ID: <s@x>\n\nHi\n");

        Assert.Equal("Invoice overdue again", mapped.Message.Subject);
    }

    [Fact]
    public async Task A_mail_with_neither_text_nor_files_reads_no_text_so_that_it_is_still_recorded()
    {
        var mapped = await Mail.MapAsync("From: a@example.com\nSubject: Call me\nMessage-ID: <empty@x>\n\n\n");

        Assert.Equal(EmailMessageMapper.EmptyText, mapped.Message.Text);
        Assert.Equal("Call me", mapped.Message.Subject);
    }

    [Fact]
    public async Task A_mail_with_only_a_file_has_empty_text_and_the_file()
    {
        var mapped = await Mail.MapAsync("""
            From: a@example.com
            Message-ID: <file-only@x>
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: application/octet-stream; name="data.bin"
            Content-Transfer-Encoding: base64

            AAECAw==
            --b--
            """);

        Assert.Equal(string.Empty, mapped.Message.Text);
        Assert.Single(mapped.Message.Attachments);
        Assert.Equal("data.bin", mapped.Message.Attachments[0].FileName);
    }

    [Fact]
    public async Task Forwarded_messages_keep_their_content_and_are_attached_when_sent_as_rfc822()
    {
        var sink = new RecordingAttachmentSink();
        var mapped = await Mail.MapAsync("""
            From: Hugo <hugo@example.com>
            To: support@company.example
            Subject: Fwd: Your order confirmation
            Message-ID: <fwd-1@example.com>
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            See below, the price is wrong.

            ---------- Forwarded message ---------
            From: Shop <orders@shop.example>
            Date: Mon, 4 Mar 2024 at 10:00
            Subject: Your order confirmation
            To: <hugo@example.com>

            Total: 120 EUR

            --b
            Content-Type: message/rfc822

            From: Shop <orders@shop.example>
            Subject: Your order confirmation
            Message-ID: <order-1@shop.example>

            Total: 120 EUR
            --b--
            """, sink: sink);

        Assert.Contains("Total: 120 EUR", mapped.Message.Text);
        Assert.Null(mapped.Metadata.QuotedText);
        var attached = Assert.Single(sink.Saved);
        Assert.Equal(("Your order confirmation.eml", "message/rfc822"), (attached.FileName, attached.ContentType));
    }

    [Fact]
    public async Task File_names_are_never_paths_and_never_empty()
    {
        var sink = new RecordingAttachmentSink();
        await Mail.MapAsync("""
            From: a@example.com
            Message-ID: <names@x>
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Files.
            --b
            Content-Type: application/pdf; name="..\..\windows\evil:name.pdf"
            Content-Disposition: attachment; filename="../../etc/passwd"

            x
            --b
            Content-Type: image/jpeg
            Content-Disposition: attachment

            y
            --b--
            """, sink: sink);

        Assert.Equal(["passwd", "image.jpg"], sink.Saved.Select(s => s.FileName));
    }

    [Fact]
    public async Task References_are_capped_keeping_the_thread_root_and_the_latest()
    {
        var references = string.Join(" ", Enumerable.Range(1, 150).Select(i => $"<r{i}@x>"));
        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <many@x>\nReferences: {references}\n\nHi\n");

        Assert.Equal(100, mapped.Metadata.References.Count);
        Assert.Equal("r1@x", mapped.Metadata.References[0]);
        Assert.Equal("r52@x", mapped.Metadata.References[1]);
        Assert.Equal("r150@x", mapped.Metadata.References[^1]);
    }

    [Fact]
    public void Limits_that_would_drop_every_body_are_refused_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailMessageMapper(new EmailMappingOptions { MaxBodyBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailMessageMapper(new EmailMappingOptions { MaxHtmlLength = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailMessageMapper(new EmailMappingOptions { MaxAttachmentBytes = -1 }));
    }
}
