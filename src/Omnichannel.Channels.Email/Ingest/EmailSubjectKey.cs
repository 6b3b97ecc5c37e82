using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// The last-resort thread key: a hash of the sender and the subject without reply and forward prefixes
/// (<c>Re:</c>, <c>AW:</c>, <c>Fwd:</c>, <c>[EXTERNAL]</c>…), so "Re: Re: Order 12" from ana@ joins "Order 12" from ana@.
/// </summary>
internal static partial class EmailSubjectKey
{
    public static string? For(string senderAddress, string? subject)
    {
        var normalized = Normalize(subject);
        if (normalized.Length == 0)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(senderAddress.ToLowerInvariant() + "\n" + normalized);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    public static string Normalize(string? subject)
    {
        var text = subject ?? "";
        string previous;
        do
        {
            previous = text;
            text = Prefix().Replace(text, "");
        }
        while (text != previous);

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    [GeneratedRegex(@"^\s*((re|aw|sv|vs|antw|fw|fwd|wg|tr|rif)(\[\d+\])?\s*:|\[[^\]]{1,40}\])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
