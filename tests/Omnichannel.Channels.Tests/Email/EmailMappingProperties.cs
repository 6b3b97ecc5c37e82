using System.Text;
using CsCheck;
using MimeKit;
using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Whatever arrives, mapping must produce a message Core accepts, with a stable id and inert HTML.</summary>
public class EmailMappingProperties
{
    private const int Iterations = 300;

    /// <summary>Lines a mail body is made of: prose in several scripts, quotes, attributions, separators, blanks.</summary>
    private static readonly Gen<string> Line = Gen.Frequency(
        (6, Gen.Char["abcdefghijklmnopqrstuvwxyz ÄÖÜäöüßéèçЁёЖжあいう日本 .,!?-'\"()0123456789"].Array[0, 60].Select(c => new string(c))),
        (2, Gen.String),
        (1, Gen.Const(string.Empty)),
        (1, Gen.Const("> quoted line")),
        (1, Gen.Const("On Mon, Mar 4, 2024 at 6:01 PM Support <support@company.example> wrote:")),
        (1, Gen.Const("-----Original Message-----")),
        (1, Gen.Const("From: Support <support@company.example>")),
        (1, Gen.Const("Sent: Monday, March 4, 2024")),
        (1, Gen.Const("\0\u0007\u001b")));

    private static readonly Gen<string> Body = Line.Array[0, 12].Select(lines => string.Join('\n', lines));

    private static readonly Gen<string> Name = Gen.Frequency(
        (3, Gen.Char["abcdefghijklmnopqrstuvwxyz ÄÖÜäöüßЁёЖж日本'\","].Array[0, 30].Select(c => new string(c))),
        (1, Gen.String));

    /// <summary>HTML fragments: ordinary markup, random text, and the hostile payloads of <see cref="EmailHtmlSanitizerTests"/>.</summary>
    private static readonly Gen<string> HtmlFragment = Gen.Frequency(
        (4, Gen.Char["abcdefghijklmnopqrstuvwxyz äöüЖж日本 .,!?"].Array[0, 40].Select(c => new string(c))),
        (3, Gen.OneOf("<p>", "</p>", "<br>", "<div>", "</div>", "<b>", "</b>", "<ul><li>", "</li></ul>", "<table><tr><td>",
            "</td></tr></table>", "<blockquote type=\"cite\">", "</blockquote>", "<div class=\"gmail_quote\">",
            "<div id=\"divRplyFwdMsg\">", "<img src=\"cid:logo@x\" alt=\"logo\">", "<a href=\"https://ok.example\">link</a>",
            "On Mon, Mar 4, 2024, Support wrote:<br>", "<hr>", "&nbsp;", "&#xD800;", "<pre>  x\n  y</pre>")),
        (2, Gen.OneOf(EmailHtmlSanitizerTests.Payloads)));

    private static readonly Gen<string> Html = HtmlFragment.Array[0, 20].Select(string.Concat);

    [Fact]
    public async Task Mapping_any_text_mail_never_throws_keeps_its_id_and_never_loses_the_text()
    {
        var gen = Gen.Select(Body, Name, Line);
        await gen.SampleAsync(
            async (body, name, subject) =>
            {
                var raw = TextMail(body, name, subject);
                var first = await Mail.MapAsync(Mail.ParseBytes(raw));
                var second = await Mail.MapAsync(Mail.ParseBytes(raw));

                Assert.Equal(first.Message.ExternalId, second.Message.ExternalId);
                Assert.StartsWith(EmailExternalId.HashPrefix, first.Message.ExternalId);
                Assert.Equal(first.Message.Text, second.Message.Text);
                if (HasVisibleText(body))
                {
                    Assert.False(string.IsNullOrWhiteSpace(first.Message.Text));
                    Assert.NotEqual(EmailMessageMapper.EmptyText, first.Message.Text);
                }

                Assert.Null(first.Message.Html);
            },
            iter: Iterations);
    }

    [Fact]
    public async Task Different_bodies_without_Message_ID_get_different_ids()
    {
        var gen = Gen.Select(Body, Body).Where((a, b) => Normalize(a) != Normalize(b));
        await gen.SampleAsync(
            async (a, b) =>
            {
                var first = await Mail.MapAsync(Mail.ParseBytes(TextMail(a, "Ana", "Hello")));
                var second = await Mail.MapAsync(Mail.ParseBytes(TextMail(b, "Ana", "Hello")));

                Assert.NotEqual(first.Message.ExternalId, second.Message.ExternalId);
            },
            iter: Iterations);
    }

    [Fact]
    public async Task Mapping_any_HTML_mail_never_throws_and_the_HTML_comes_out_inert()
    {
        await Html.SampleAsync(
            async html =>
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Mallory", "mallory@evil.example"));
                message.Headers.Remove(HeaderId.MessageId);
                message.Body = new TextPart("html") { Text = html };

                var mapped = await Mail.MapAsync(Mail.ParseBytes(ToBytes(message)));

                HtmlInertness.AssertInert(mapped.Message.Html);
                Assert.DoesNotContain("<script", mapped.Message.Text, StringComparison.OrdinalIgnoreCase);
            },
            iter: Iterations);
    }

    [Fact]
    public async Task Mapping_random_bytes_in_any_charset_and_encoding_never_throws()
    {
        var charsets = Gen.OneOf(
            "utf-8", "foo-bar", "windows-1251", "iso-2022-jp", "utf-16", "us-ascii", "gb2312", "shift_jis", "big5", "koi8-r",
            "utf-7", "iso-8859-8-i", "x-unknown", "");
        var encodings = Gen.OneOf("8bit", "base64", "quoted-printable", "7bit", "binary", "x-uuencode", "bogus");
        var types = Gen.OneOf("text/plain", "text/html");
        var gen = Gen.Select(Gen.Byte.Array[0, 400], charsets, encodings, types);

        await gen.SampleAsync(
            async (bytes, charset, encoding, type) =>
            {
                var header = Encoding.ASCII.GetBytes(
                    $"From: a@example.com\r\nContent-Type: {type}; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n");

                var mapped = await Mail.MapAsync(Mail.ParseBytes([.. header, .. bytes]));

                HtmlInertness.AssertInert(mapped.Message.Html);
            },
            iter: Iterations);
    }

    private static byte[] TextMail(string body, string name, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, "customer@example.com"));
        message.To.Add(new MailboxAddress("Support", "support@company.example"));
        message.Subject = subject;
        message.Date = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
        message.Headers.Remove(HeaderId.MessageId);
        var part = new TextPart("plain");
        part.SetText(Encoding.UTF8, body);
        message.Body = part;
        return ToBytes(message);
    }

    private static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>Whether a person would see something: a character that is neither whitespace nor a control character.</summary>
    private static bool HasVisibleText(string body) => body.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c));

    private static string Normalize(string body) => InboundText.CleanMultiline(body).Replace("\r", "", StringComparison.Ordinal).TrimEnd();
}
