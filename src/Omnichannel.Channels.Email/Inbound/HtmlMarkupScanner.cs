using System.Net;
using System.Text;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Reads HTML markup without building a tree, in one pass: to tell, before parsing, whether it nests so deep that
/// parsing would take minutes (AngleSharp's tree building costs time in proportion to depth for every tag), and to get
/// the text out of such markup anyway.
/// </summary>
internal static class HtmlMarkupScanner
{
    /// <summary>Elements without content.</summary>
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements a parser closes by itself when the next one starts; they never nest deep.</summary>
    private static readonly HashSet<string> SelfClosing = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
    };

    /// <summary>Elements whose content is not markup.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
    };

    private static readonly HashSet<string> LineBreaking = new(StringComparer.Ordinal)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr",
    };

    /// <summary>Whether elements nest deeper than <paramref name="limit"/>, as far as the markup shows.</summary>
    public static bool NestsDeeperThan(string html, int limit)
    {
        var depth = 0;
        foreach (var tag in Tags(html, text: null))
        {
            if (Void.Contains(tag.Name) || SelfClosing.Contains(tag.Name) || tag.SelfClosing)
            {
                continue;
            }

            depth = tag.Closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text between the tags, entities decoded, a line break where a block or a <c>&lt;br&gt;</c> was.</summary>
    public static string Text(string html)
    {
        var text = new StringBuilder();
        foreach (var tag in Tags(html, text))
        {
            if (LineBreaking.Contains(tag.Name))
            {
                text.Append('\n');
            }
        }

        var lines = WebUtility.HtmlDecode(text.ToString())
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private readonly record struct Tag(string Name, bool Closing, bool SelfClosing);

    /// <summary>The tags in order; the text between them goes to <paramref name="text"/> when given. Comments and raw text are skipped.</summary>
    private static IEnumerable<Tag> Tags(string html, StringBuilder? text)
    {
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0 || open + 1 >= html.Length)
            {
                text?.Append(html, position, html.Length - position);
                yield break;
            }

            text?.Append(html, position, open - position);
            if (html.AsSpan(open).StartsWith("<!--", StringComparison.Ordinal))
            {
                var endOfComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                position = endOfComment < 0 ? html.Length : endOfComment + 3;
                continue;
            }

            var closing = html[open + 1] == '/';
            var nameStart = closing ? open + 2 : open + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // A lone "<" (or "<!DOCTYPE", "<?xml"): text, or nothing to see.
                position = html[open + 1] is '!' or '?' ? SkipPast(html, '>', open) : open + 1;
                if (html[open + 1] is not ('!' or '?'))
                {
                    text?.Append('<');
                }

                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var end = html.IndexOf('>', nameEnd);
            if (end < 0)
            {
                yield break;
            }

            yield return new Tag(name, closing, html[end - 1] == '/');
            position = end + 1;

            if (!closing && RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, position, StringComparison.OrdinalIgnoreCase);
                position = close < 0 ? html.Length : close;
            }
        }
    }

    private static int SkipPast(string html, char c, int from)
    {
        var index = html.IndexOf(c, from);
        return index < 0 ? html.Length : index + 1;
    }
}
