using System.Text;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Makes decoded mail text safe to store: what Core's <c>TextRules</c> would refuse (NUL and other control characters,
/// lone surrogates, over-long text) is repaired here, because a customer's message must never be dropped for its bytes.
/// </summary>
internal static class InboundText
{
    public const string TruncationMarker = "[truncated]";

    /// <summary>
    /// Line breaks become <c>\n</c>; control characters other than tab and line feed are removed (NUL included); lone
    /// surrogates, which cannot be stored as UTF-8, become U+FFFD.
    /// </summary>
    public static string CleanMultiline(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>For headers shown on one line (names, subjects): every run of whitespace or control characters becomes one space.</summary>
    public static string? CleanSingleLine(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = CleanMultiline(text);
        var builder = new StringBuilder(cleaned.Length);
        var pendingSpace = false;
        foreach (var c in cleaned)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        if (builder.Length == 0)
        {
            return null;
        }

        var result = builder.ToString();
        return result.Length <= maxLength ? result : result[..SafeCut(result, maxLength)].TrimEnd();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, ending in a visible
    /// <see cref="TruncationMarker"/> line, and never between the two halves of a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int maxLength, out bool truncated)
    {
        truncated = text.Length > maxLength;
        if (!truncated)
        {
            return text;
        }

        const string Suffix = "\n" + TruncationMarker;
        var keep = SafeCut(text, maxLength - Suffix.Length);
        return text[..keep].TrimEnd() + Suffix;
    }

    /// <summary>The largest length not above <paramref name="length"/> that does not split a surrogate pair.</summary>
    public static int SafeCut(string text, int length)
    {
        if (length <= 0)
        {
            return 0;
        }

        if (length >= text.Length)
        {
            return text.Length;
        }

        return char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not '\n' and not '\t') || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
