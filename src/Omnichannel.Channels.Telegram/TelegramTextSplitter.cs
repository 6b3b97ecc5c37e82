using System.Globalization;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Splits a reply into messages Telegram accepts: each at most <c>limit</c> UTF-16 code units (how Telegram counts) and
/// none empty or blank (Telegram trims a message and refuses an empty one).
/// <list type="bullet">
/// <item>A text that fits is returned as it is; a blank text gives no messages.</item>
/// <item>Otherwise each cut goes at the latest paragraph break (a whitespace run with two line breaks) that keeps the
/// message at least half full, else the latest line break that does, else the latest whitespace at all; only a word
/// longer than the limit is cut inside, and then between grapheme clusters (never inside a surrogate pair, an emoji
/// sequence or a letter with its accents), unless one cluster alone exceeds the limit.</item>
/// <item>The whitespace run at a cut, and leading whitespace of a text that needs cutting, belong to no message: the
/// messages joined with the whitespace they were cut at give back the text. No-break spaces never cut.</item>
/// </list>
/// </summary>
public static class TelegramTextSplitter
{
    /// <summary>Longest text <c>sendMessage</c> takes.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Longest caption <c>sendPhoto</c> and <c>sendDocument</c> take.</summary>
    public const int MaxCaptionLength = 1024;

    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A surrogate pair needs two code units; below that some texts could not be split at all.
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);

        var pos = SkipBreakableWhitespace(text, 0);
        if (pos == text.Length)
        {
            return [];
        }

        if (text.Length <= limit)
        {
            return [text];
        }

        var chunks = new List<string>();
        while (pos < text.Length)
        {
            if (text.Length - pos <= limit)
            {
                chunks.Add(text[pos..]);
                break;
            }

            var end = WhitespaceCut(text, pos, limit) ?? HardCut(text, pos, limit);
            chunks.Add(text[pos..end]);
            pos = SkipBreakableWhitespace(text, end);
        }

        return chunks;
    }

    /// <summary>Where the message starting at <paramref name="pos"/> (not whitespace) ends at a whitespace run; null when there is none in reach.</summary>
    private static int? WhitespaceCut(string text, int pos, int limit)
    {
        int? paragraph = null, line = null, any = null;
        var reach = pos + limit;

        // A run starting at or before `reach` ends a message of at most `limit` code units.
        for (var i = pos + 1; i <= reach && i < text.Length; i++)
        {
            if (!IsBreakable(text[i]) || IsBreakable(text[i - 1]))
            {
                continue;
            }

            var newlines = 0;
            for (var j = i; j < text.Length && IsBreakable(text[j]) && newlines < 2; j++)
            {
                newlines += text[j] == '\n' ? 1 : 0;
            }

            any = i;
            if (newlines >= 1)
            {
                line = i;
            }

            if (newlines >= 2)
            {
                paragraph = i;
            }
        }

        var halfFull = pos + (limit / 2);
        return paragraph >= halfFull ? paragraph : line >= halfFull ? line : any;
    }

    /// <summary>The end of the last grapheme cluster that fits; inside a cluster only when the first one alone does not fit.</summary>
    private static int HardCut(string text, int pos, int limit)
    {
        var reach = pos + limit;
        var end = pos;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (next > reach)
            {
                break;
            }

            end = next;
        }

        if (end > pos)
        {
            return end;
        }

        return char.IsLowSurrogate(text[reach]) && char.IsHighSurrogate(text[reach - 1]) ? reach - 1 : reach;
    }

    private static int SkipBreakableWhitespace(string text, int pos)
    {
        while (pos < text.Length && IsBreakable(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    // No-break spaces hold words together on purpose ("10 km", "Nr. 5").
    private static bool IsBreakable(char c) => char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u2007' and not '\u202F';
}
