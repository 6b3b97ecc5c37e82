using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Messages made with MimeKit's builders, mapped as built and after a trip through their bytes.</summary>
public class BuiltMessageTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_built_message_with_text_HTML_an_inline_image_and_a_file_maps_the_same_before_and_after_a_round_trip()
    {
        var built = Build();
        var reparsed = Mail.ParseBytes(ToBytes(built));

        var sinkBuilt = new RecordingAttachmentSink();
        var sinkParsed = new RecordingAttachmentSink();
        var fromBuilt = await Mail.MapAsync(built, sink: sinkBuilt);
        var fromParsed = await Mail.MapAsync(reparsed, sink: sinkParsed);

        foreach (var (mapped, sink) in new[] { (fromBuilt, sinkBuilt), (fromParsed, sinkParsed) })
        {
            Assert.Equal("built-1@shop.example", mapped.Message.ExternalId);
            Assert.Equal("Łukasz Żółć", mapped.Message.SenderName);
            Assert.Equal("lukasz@example.pl", mapped.Message.Sender.Value);
            Assert.Equal("Zamówienie – pytanie", mapped.Message.Subject);
            Assert.Equal("Dzień dobry,\nczy zamówienie 77 zostało wysłane?", mapped.Message.Text);
            Assert.Contains("<img src=\"cid:logo@shop.example\"", mapped.Message.Html);
            Assert.Equal(["logo.png", "faktura.pdf"], sink.Saved.Select(s => s.FileName));
            Assert.Equal(Png, sink.Saved[0].Bytes);
            Assert.Equal("logo@shop.example", sink.Saved[0].ContentId);
            Assert.Equal("att-1", mapped.Metadata.InlineAttachments["logo@shop.example"]);
            Assert.Equal("%PDF-1.7 test"u8.ToArray(), sink.Saved[1].Bytes);
            Assert.Equal(["start@shop.example"], mapped.Metadata.References);
            Assert.Equal("start@shop.example", mapped.Metadata.InReplyTo);
        }

        Assert.Equal(fromBuilt.Message.Html, fromParsed.Message.Html);
    }

    [Fact]
    public async Task A_built_HTML_only_message_derives_its_text_and_keeps_line_breaks()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ana", "ana@example.com"));
        message.MessageId = "html-only@example.com";
        message.Body = new BodyBuilder
        {
            HtmlBody = "<p>Hello,</p><p>my order:</p><ul><li>2 × shoes</li><li>1 × bag</li></ul><p>Thanks<br>Ana</p>",
        }.ToMessageBody();

        var mapped = await Mail.MapAsync(message);

        Assert.Equal("Hello,\n\nmy order:\n\n- 2 × shoes\n- 1 × bag\n\nThanks\nAna", mapped.Message.Text);
        Assert.Equal("<p>Hello,</p><p>my order:</p><ul><li>2 × shoes</li><li>1 × bag</li></ul><p>Thanks<br>Ana</p>", mapped.Message.Html);
    }

    [Fact]
    public async Task Apple_Mail_style_text_split_around_an_inline_image_is_joined()
    {
        var mixed = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Before the picture." },
            new MimePart("image", "jpeg") { Content = new MimeContent(new MemoryStream(Png)), FileName = "IMG_0001.jpeg", ContentDisposition = new ContentDisposition(ContentDisposition.Inline) },
            new TextPart("plain") { Text = "After the picture." },
        };
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Eve", "eve@example.com"));
        message.MessageId = "apple-split@example.com";
        message.Body = mixed;

        var mapped = await Mail.MapAsync(message);

        Assert.Equal("Before the picture.\n\nAfter the picture.", mapped.Message.Text);
        Assert.Equal("IMG_0001.jpeg", Assert.Single(mapped.Message.Attachments).FileName);
    }

    private static MimeMessage Build()
    {
        var builder = new BodyBuilder { TextBody = "Dzień dobry,\r\nczy zamówienie 77 zostało wysłane?\r\n" };
        var logo = builder.LinkedResources.Add("logo.png", Png, new ContentType("image", "png"));
        logo.ContentId = "logo@shop.example";
        builder.HtmlBody = "<p>Dzień dobry,<br>czy zamówienie 77 zostało wysłane?</p><img src=\"cid:logo@shop.example\" alt=\"Shop\">";
        builder.Attachments.Add("faktura.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 test"), new ContentType("application", "pdf"));

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Łukasz Żółć", "Lukasz@Example.PL"));
        message.To.Add(new MailboxAddress("Shop", "support@shop.example"));
        message.Subject = "Zamówienie – pytanie";
        message.MessageId = "built-1@shop.example";
        message.InReplyTo = "start@shop.example";
        message.References.Add("start@shop.example");
        message.Date = DateUtils.TryParse("Mon, 18 Mar 2024 10:00:00 +0100", out var date) ? date : DateTimeOffset.UnixEpoch;
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
