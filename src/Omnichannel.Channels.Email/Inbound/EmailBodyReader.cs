using System.Globalization;
using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Reads the body parts: text from text/plain when there is one (quoted trail split off by <see cref="QuotedTrailSplitter"/>),
/// otherwise derived from the HTML; HTML sanitized with its trail cut by <see cref="HtmlBodyReader"/>.
/// </summary>
internal static class EmailBodyReader
{
    private const string PlainSeparator = "\n\n";
    private const string HtmlSeparator = "\n";

    public static EmailBodyContent Read(MimeBody body, EmailMappingOptions options, bool isForward, List<string> notes)
    {
        var plain = Decode(body.PlainParts, PlainSeparator, options, notes);
        var html = Decode(body.HtmlParts, HtmlSeparator, options, notes);

        HtmlBody? htmlBody = null;
        if (!string.IsNullOrWhiteSpace(html))
        {
            htmlBody = HtmlBodyReader.Read(html, isForward);
            if (htmlBody.HtmlDropped is { } reason)
            {
                notes.Add($"HTML body dropped: {reason}; the text is kept.");
            }
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

        var sanitized = string.IsNullOrWhiteSpace(htmlBody?.Html) ? null : InboundText.CleanMultiline(htmlBody.Html);
        if (sanitized is not null && sanitized.Length > options.MaxHtmlLength)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"HTML body dropped: {sanitized.Length} characters after sanitizing, over the {options.MaxHtmlLength} limit; the text is kept."));
            sanitized = null;
        }

        return new EmailBodyContent(text, quoted, sanitized, plain.Length > 0 ? plain : html);
    }

    /// <summary>What a mail without Message-ID is hashed by: the plain body, or the HTML source when there is no plain one.</summary>
    public static string HashSource(MimeBody body, EmailMappingOptions options)
    {
        var plain = Decode(body.PlainParts, PlainSeparator, options, notes: null);
        return plain.Length > 0 ? plain : Decode(body.HtmlParts, HtmlSeparator, options, notes: null);
    }

    /// <summary>
    /// Decodes body parts of one kind, joined. <see cref="EmailMappingOptions.MaxBodyBytes"/> bounds them together, not each:
    /// a message of ten thousand text parts must not take ten thousand times the memory.
    /// </summary>
    private static string Decode(List<TextPart> parts, string separator, EmailMappingOptions options, List<string>? notes)
    {
        var texts = new List<string>(parts.Count);
        var budget = options.MaxBodyBytes;
        foreach (var part in parts)
        {
            if (budget <= 0)
            {
                notes?.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{parts.Count - texts.Count} {part.ContentType.MimeType} part(s) not read: the body is over {options.MaxBodyBytes} bytes."));
                break;
            }

            var decoded = TextPartReader.Read(part, budget);
            budget -= decoded.ByteCount;
            if (decoded.UnknownCharset is { } charset)
            {
                notes?.Add($"Unknown charset \"{InboundText.CleanSingleLine(charset, 100)}\" in a {part.ContentType.MimeType} part; read as UTF-8, or Windows-1252 where that failed.");
            }

            if (decoded.Truncated)
            {
                notes?.Add(string.Create(CultureInfo.InvariantCulture, $"A {part.ContentType.MimeType} part was cut: the body is over {options.MaxBodyBytes} bytes."));
            }

            texts.Add(decoded.Text);
        }

        return string.Join(separator, texts);
    }
}
