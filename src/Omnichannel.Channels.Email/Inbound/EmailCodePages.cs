using System.Text;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Makes the legacy code pages mail still uses (windows-1251, koi8-r, iso-2022-jp, gb2312, …) known to .NET. MimeKit
/// remembers a charset it could not resolve for the life of the process, so this must run before the first message is
/// parsed: <see cref="EmailMessageParser"/> and <see cref="EmailMessageMapper"/> call it; a host that parses with MailKit
/// directly calls it at start-up.
/// </summary>
public static class EmailCodePages
{
    // A static constructor, not a flag: the runtime runs it once and makes every other caller wait until it has finished,
    // so no thread can parse in the moment between "someone is registering" and "registered".
    static EmailCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    internal static Encoding Windows1252 { get; }

    /// <summary>Registers the code pages, once; later calls return at once.</summary>
    public static void EnsureRegistered()
    {
        // Touching the type runs the static constructor.
    }
}
