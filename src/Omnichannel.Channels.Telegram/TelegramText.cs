using System.Text;

namespace Omnichannel.Channels.Telegram;

/// <summary>Makes text from Telegram safe for what the store accepts (see <c>TextRules</c>).</summary>
internal static class TelegramText
{
    /// <summary>Message text as sent, minus NUL characters and with lone surrogates replaced.</summary>
    public static string Body(string text)
    {
        if (!NeedsCleaning(text, singleLine: false))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        Append(builder, text, singleLine: false);
        return builder.ToString();
    }

    /// <summary>One line: control characters become spaces, then runs of spaces one; trimmed; null when nothing is left.</summary>
    public static string? SingleLine(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        Append(builder, text, singleLine: true);
        var line = builder.ToString().Trim();
        if (line.Length > maxLength)
        {
            line = line[..SafeCut(line, maxLength)].TrimEnd();
        }

        return line.Length == 0 ? null : line;
    }

    /// <summary>The largest length at most <paramref name="maxLength"/> that does not end between the two halves of a surrogate pair.</summary>
    public static int SafeCut(string text, int maxLength)
    {
        if (maxLength >= text.Length)
        {
            return text.Length;
        }

        return maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) && char.IsLowSurrogate(text[maxLength])
            ? maxLength - 1
            : maxLength;
    }

    private static bool NeedsCleaning(string text, bool singleLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) || (singleLine ? char.IsControl(c) : c == '\0'))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder builder, string text, bool singleLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (singleLine && (char.IsControl(c) || c == ' '))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (c != '\0')
            {
                builder.Append(c);
            }
        }
    }
}
