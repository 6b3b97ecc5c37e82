namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Separates what the customer wrote from the earlier messages their mail client quoted below (or above) it.
/// <list type="bullet">
/// <item>A header line opens a trail that runs to the end: "On … wrote:" and its translations (de, fr, es, ru, it, nl, pt,
/// pl, sv), "-----Original Message-----" and its translations, and Outlook's "From: … / Sent: …" block (also in de, fr,
/// es, ru, …) with the rule line above it.</item>
/// <item>Lines quoted with "&gt;": the last quoted block is the trail when it ends the message (top posting), or when it is
/// the only block and starts the message (bottom posting); the attribution line just above a block goes with it. Blocks
/// with answers between them (inline replies) stay: the answers need them.</item>
/// <item>Forwards are not replies: a forwarded message is what the customer wants us to read, so nothing is cut.</item>
/// <item>When everything looks quoted, nothing is cut: a message never loses all its text.</item>
/// </list>
/// </summary>
internal static class QuotedTrailSplitter
{
    /// <summary>How many lines an attribution ("On …, Ana &lt;ana@example.com&gt; wrote:") may be wrapped over.</summary>
    private const int MaxAttributionLines = 3;

    /// <summary>How far below a "From:" line Outlook puts "Sent:" (To, Cc and Subject can come first).</summary>
    private const int OutlookHeaderWindow = 5;

    public static QuotedTrailSplit Split(string text, bool isForward = false)
    {
        if (isForward || string.IsNullOrWhiteSpace(text))
        {
            return new QuotedTrailSplit(text, null);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inTrail = new bool[lines.Length];

        var headerStart = FindTrailHeader(lines);
        for (var i = headerStart; i < lines.Length; i++)
        {
            inTrail[i] = true;
        }

        MarkQuotedTrail(lines, headerStart, inTrail);

        var reply = Join(lines, inTrail, wanted: false);
        if (reply.Length == 0 || !inTrail.Contains(true))
        {
            return new QuotedTrailSplit(text, null);
        }

        return new QuotedTrailSplit(reply, Join(lines, inTrail, wanted: true));
    }

    /// <summary>Whether a subject says the message is a forward (Fwd:, Fw:, WG:, TR:, RV:, Enc:, Пересл:, …).</summary>
    public static bool IsForwardSubject(string? subject) => subject is not null && QuotedTrailPatterns.ForwardSubject().IsMatch(subject);

    /// <summary>The first line with something on it.</summary>
    public static string FirstLine(string text) =>
        text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0) ?? string.Empty;

    /// <summary>Whether a line opens a forwarded message ("---------- Forwarded message ---------", "Begin forwarded message:", …).</summary>
    public static bool IsForwardMarker(string line) => QuotedTrailPatterns.ForwardMarker().IsMatch(line.Trim());

    /// <summary>The index of the first line of a trail that runs to the end, or the line count when there is none.</summary>
    private static int FindTrailHeader(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || IsQuoted(lines[i]))
            {
                continue;
            }

            if (QuotedTrailPatterns.OriginalMessageSeparator().IsMatch(line))
            {
                return i;
            }

            if (QuotedTrailPatterns.OutlookFrom().IsMatch(line) && HasOutlookSentBelow(lines, i) && !IsAfterForwardMarker(lines, i))
            {
                return IsRule(lines, i - 1) ? i - 1 : i;
            }

            // An attribution followed by "> " lines belongs to that quoted block; MarkQuotedTrail handles it.
            if (AttributionSpan(lines, i) is { } span && !IsQuoted(NextNonBlank(lines, i + span)))
            {
                return i;
            }
        }

        return lines.Length;
    }

    /// <summary>Marks the "&gt;" block that is the trail, and the attribution just above it, among the lines before <paramref name="end"/>.</summary>
    private static void MarkQuotedTrail(string[] lines, int end, bool[] inTrail)
    {
        var blocks = QuotedBlocks(lines, end);
        if (blocks.Count == 0)
        {
            return;
        }

        var last = blocks[^1];
        var tailIsBlank = IsBlank(lines, last.End + 1, end);
        var first = blocks[0];
        if (tailIsBlank)
        {
            Mark(lines, last, inTrail);
        }
        else if (blocks.Count == 1 && IsBlank(lines, 0, AttributionStart(lines, first.Start)))
        {
            Mark(lines, first, inTrail);
        }
    }

    private static void Mark(string[] lines, (int Start, int End) block, bool[] inTrail)
    {
        for (var i = AttributionStart(lines, block.Start); i <= block.End; i++)
        {
            inTrail[i] = true;
        }
    }

    /// <summary>Runs of quoted lines (blank lines inside a run belong to it) before <paramref name="end"/>.</summary>
    private static List<(int Start, int End)> QuotedBlocks(string[] lines, int end)
    {
        var blocks = new List<(int Start, int End)>();
        var i = 0;
        while (i < end)
        {
            if (!IsQuoted(lines[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var last = i;
            for (i++; i < end; i++)
            {
                if (IsQuoted(lines[i]))
                {
                    last = i;
                }
                else if (lines[i].Trim().Length > 0)
                {
                    break;
                }
            }

            blocks.Add((start, last));
            i = last + 1;
        }

        return blocks;
    }

    /// <summary>Where the attribution line(s) right above a quoted block start (blank lines between are allowed), or the block start.</summary>
    private static int AttributionStart(string[] lines, int blockStart)
    {
        var above = blockStart - 1;
        while (above >= 0 && lines[above].Trim().Length == 0)
        {
            above--;
        }

        for (var start = Math.Max(0, above - MaxAttributionLines + 1); start <= above; start++)
        {
            if (!IsQuoted(lines[start]) && AttributionSpan(lines, start) is { } span && start + span - 1 == above)
            {
                return start;
            }
        }

        return blockStart;
    }

    /// <summary>How many lines, starting at <paramref name="index"/>, make an attribution; null when they do not.</summary>
    private static int? AttributionSpan(string[] lines, int index)
    {
        var candidate = string.Empty;
        for (var count = 1; count <= MaxAttributionLines && index + count - 1 < lines.Length; count++)
        {
            var line = lines[index + count - 1].Trim();
            if (line.Length == 0 || IsQuoted(line))
            {
                return null;
            }

            candidate = count == 1 ? line : candidate + " " + line;
            if (candidate.Length > 400)
            {
                return null;
            }

            if (QuotedTrailPatterns.Attribution().IsMatch(candidate) || QuotedTrailPatterns.RussianGmailAttribution().IsMatch(candidate))
            {
                return count;
            }
        }

        return null;
    }

    private static bool HasOutlookSentBelow(string[] lines, int fromLine)
    {
        for (var i = fromLine + 1; i < lines.Length && i <= fromLine + OutlookHeaderWindow; i++)
        {
            if (QuotedTrailPatterns.OutlookSent().IsMatch(lines[i].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAfterForwardMarker(string[] lines, int index)
    {
        for (var i = Math.Max(0, index - 3); i < index; i++)
        {
            if (IsForwardMarker(lines[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRule(string[] lines, int index) => index >= 0 && QuotedTrailPatterns.Rule().IsMatch(lines[index].Trim());

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static bool IsBlank(string[] lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return lines[i];
            }
        }

        return string.Empty;
    }

    private static string Join(string[] lines, bool[] inTrail, bool wanted)
    {
        var selected = lines.Where((_, i) => inTrail[i] == wanted);
        return string.Join('\n', selected).Trim('\n', ' ', '\t');
    }
}
