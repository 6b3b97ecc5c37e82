namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// The file types visitors may send, recognised by their first bytes: a declared type alone is whatever the client
/// says, so an HTML page or a script renamed to <c>.png</c> is refused.
/// </summary>
public static class FileSignatures
{
    public static readonly IReadOnlyList<string> AllowedTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

    /// <summary>Bytes <see cref="Detect"/> needs to see.</summary>
    public const int HeaderLength = 12;

    /// <summary>The allowed type these leading bytes belong to, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return header.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }
}
