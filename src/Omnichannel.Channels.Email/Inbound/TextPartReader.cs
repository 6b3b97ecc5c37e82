using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Decodes text parts without trusting them: at most a byte limit is read, an unknown or broken declared charset falls back
/// to UTF-8 (when the bytes are valid UTF-8) or Windows-1252, and invalid byte sequences become U+FFFD instead of throwing.
/// </summary>
internal static class TextPartReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextPartReader() => EmailCodePages.EnsureRegistered();

    public static DecodedText Read(TextPart part, int maxBytes)
    {
        var (bytes, truncated) = ReadBytes(part, maxBytes);
        var declared = part.ContentType.Charset;
        var encoding = DeclaredEncoding(part.ContentType);
        var unknownCharset = declared is not null && encoding is null ? declared : null;
        var text = Decode(bytes, encoding);

        if (part.IsFlowed)
        {
            // format=flowed (Apple Mail, Thunderbird) wraps paragraphs with trailing spaces; unwrap them for display.
            var deleteSpace = part.ContentType.Parameters.TryGetValue("delsp", out string? delsp)
                && delsp.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
        }

        return new DecodedText(text, bytes.Length, truncated, unknownCharset);
    }

    private static (byte[] Bytes, bool Truncated) ReadBytes(MimePart part, int maxBytes)
    {
        if (part.Content is null)
        {
            return ([], false);
        }

        using var decoded = part.Content.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var remaining = maxBytes;
        while (remaining > 0)
        {
            var read = decoded.Read(chunk, 0, Math.Min(chunk.Length, remaining));
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
            remaining -= read;
        }

        return (buffer.ToArray(), decoded.Read(chunk, 0, 1) > 0);
    }

    private static Encoding? DeclaredEncoding(ContentType contentType)
    {
        try
        {
            return contentType.CharsetEncoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Decode(byte[] bytes, Encoding? declared)
    {
        if (declared is not null)
        {
            try
            {
                return Lenient(declared).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Fall through to the guess below.
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Mail that lies about (or omits) its charset is most often Windows-1252 from an old client.
            return EmailCodePages.Windows1252.GetString(bytes);
        }
    }

    /// <summary>The same encoding, but replacing invalid input with U+FFFD (not "?", which would read as text) instead of throwing, when .NET can make one.</summary>
    private static Encoding Lenient(Encoding encoding)
    {
        try
        {
            return Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return encoding;
        }
    }
}
