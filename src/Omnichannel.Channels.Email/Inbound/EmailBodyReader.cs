using System.Globalization;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>A message's body, read: the new text, the quoted trail, the sanitized HTML and what was hashed for the external id.</summary>
internal sealed record EmailBodyContent(string Text, string? QuotedText, string? Html, string HashSource);

/// <summary>
/// Reads the body parts: text from text/plain when there is one (quoted trail split off by <see cref="QuotedTrailSplitter"/>),
/// otherwise derived from the HTML; HTML sanitized with its trail cut by <see cref="HtmlBodyReader"/>.
/// </summary>
internal static class EmailBodyReader
{
    public static EmailBodyContent Read(MimeBody body, EmailMappingOptions options, bool isForward, List<string> notes)
    {
        var plain = Decode(body.PlainParts, options, notes, separator: "\n\n");
        var html = Decode(body.HtmlParts, options, notes, separator: "\n");
        var hashSource = plain.Length > 0 ? plain : html;

        HtmlBody? htmlBody = null;
        if (!string.IsNullOrWhiteSpace(html))
        {
            htmlBody = HtmlBodyReader.Read(html, isForward);
        }

        string text;
        string? quoted;
        if (!string.IsNullOrWhiteSpace(plain))
        {
            var split = QuotedTrailSplitter.Split(InboundText.CleanMultiline(plain), isForward);
            (text, quoted) = (split.Reply, split.Trail);
        }
        else
        {
            (text, quoted) = htmlBody is null ? (string.Empty, null) : (htmlBody.Text, htmlBody.Trail);
        }

        var sanitized = htmlBody is null || string.IsNullOrWhiteSpace(htmlBody.Html) ? null : InboundText.CleanMultiline(htmlBody.Html);
        if (sanitized is not null && sanitized.Length > options.MaxHtmlLength)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"HTML body dropped: {sanitized.Length} characters after sanitizing, over the {options.MaxHtmlLength} limit; the text is kept."));
            sanitized = null;
        }

        return new EmailBodyContent(text, quoted, sanitized, hashSource);
    }

    private static string Decode(List<MimeKit.TextPart> parts, EmailMappingOptions options, List<string> notes, string separator)
    {
        var texts = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var decoded = TextPartReader.Read(part, options.MaxBodyBytes);
            if (decoded.UnknownCharset is { } charset)
            {
                notes.Add($"Unknown charset \"{InboundText.CleanSingleLine(charset, 100)}\" in a {part.ContentType.MimeType} part; read as UTF-8, or Windows-1252 where that failed.");
            }

            if (decoded.Truncated)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"A {part.ContentType.MimeType} part was cut at {options.MaxBodyBytes} bytes."));
            }

            texts.Add(decoded.Text);
        }

        return string.Join(separator, texts);
    }
}
