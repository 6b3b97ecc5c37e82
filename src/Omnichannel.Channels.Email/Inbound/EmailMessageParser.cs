using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Parses raw RFC 5322 mail with MimeKit, after registering the legacy code pages (see <see cref="EmailCodePages"/>).
/// MimeKit is lenient: broken MIME still parses into something; only a stream that is not mail at all throws
/// <see cref="FormatException"/>.
/// </summary>
public static class EmailMessageParser
{
    /// <param name="persistent">
    /// True to leave part contents in <paramref name="stream"/> (it must be seekable and stay open while the message is
    /// used) instead of copying them into memory: with a temporary file, a 20 MB attachment costs no memory.
    /// </param>
    public static MimeMessage Parse(Stream stream, bool persistent = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EmailCodePages.EnsureRegistered();
        return new MimeParser(ParserOptions.Default, stream, persistent).ParseMessage(cancellationToken);
    }

    /// <inheritdoc cref="Parse(Stream, bool, CancellationToken)"/>
    public static Task<MimeMessage> ParseAsync(Stream stream, bool persistent = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EmailCodePages.EnsureRegistered();
        return new MimeParser(ParserOptions.Default, stream, persistent).ParseMessageAsync(cancellationToken);
    }
}
