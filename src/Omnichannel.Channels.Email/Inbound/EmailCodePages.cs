using System.Text;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Makes the legacy code pages mail still uses (windows-1251, koi8-r, iso-2022-jp, gb2312, …) known to .NET. MimeKit
/// remembers a charset it could not resolve, so this must run before the first message is parsed:
/// <see cref="EmailMessageParser"/> and <see cref="EmailMessageMapper"/> both call it.
/// </summary>
public static class EmailCodePages
{
    private static readonly Lazy<Encoding> Cp1252 = new(() =>
    {
        EnsureRegistered();
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    });

    private static int _registered;

    internal static Encoding Windows1252 => Cp1252.Value;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }
}
