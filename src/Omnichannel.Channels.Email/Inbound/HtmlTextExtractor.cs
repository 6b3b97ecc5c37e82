using System.Text;
using AngleSharp.Dom;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Plain text from an HTML body, laid out the way a reader saw it: paragraphs and headings are separated by a blank line,
/// <c>&lt;br&gt;</c>, divs, rows and list items start new lines (list items with "- "), whitespace collapses as in a
/// browser except inside <c>&lt;pre&gt;</c>, and what is never shown (scripts, styles, the head) is left out.
/// </summary>
internal sealed class HtmlTextExtractor
{
    private static readonly HashSet<string> Invisible = new(StringComparer.Ordinal)
    {
        "head", "title", "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "select",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr", "figure", "address",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "div", "li", "tr", "dd", "dt", "section", "article", "header", "footer", "main", "nav", "aside", "center",
        "caption", "figcaption", "form", "fieldset", "legend", "details", "summary", "tbody", "thead", "tfoot",
    };

    private readonly StringBuilder _text = new();
    private int _pendingBreaks;
    private bool _pendingSpace;
    private int _preDepth;

    private HtmlTextExtractor()
    {
    }

    /// <summary>Elements whose content a reader never sees.</summary>
    public static bool IsInvisible(string localName) => Invisible.Contains(localName);

    public static string Extract(INode root)
    {
        var extractor = new HtmlTextExtractor();
        extractor.Walk(root);
        return Tidy(extractor._text.ToString());
    }

    /// <summary>Whether a reader would see anything: visible non-whitespace text or an image. Stops at the first.</summary>
    public static bool HasVisibleContent(INode root)
    {
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case IText text when !string.IsNullOrWhiteSpace(text.Data):
                case IElement { LocalName: "img" }:
                    return true;
                case IElement element when IsInvisible(element.LocalName):
                    continue;
            }

            if (node is IElement or IDocument or IDocumentFragment)
            {
                foreach (var child in node.ChildNodes)
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Depth-first, with an explicit stack rather than recursion: hostile mail nests elements by the hundred thousand.
    /// An element is visited twice, entering (its text before the children) and leaving (the break after them).
    /// </summary>
    private void Walk(INode root)
    {
        var pending = new Stack<(INode Node, bool Leaving)>();
        pending.Push((root, false));
        while (pending.TryPop(out var item))
        {
            var (node, leaving) = item;
            if (leaving)
            {
                Leave((IElement)node);
                continue;
            }

            switch (node)
            {
                case IText text:
                    AppendText(text.Data);
                    continue;
                case IElement element:
                    if (!Enter(element))
                    {
                        continue;
                    }

                    pending.Push((element, true));
                    break;
                case IDocument or IDocumentFragment:
                    break;
                default:
                    // Comments and processing instructions are never shown.
                    continue;
            }

            // By index: AngleSharp's PreviousSibling searches the parent's child list, which is quadratic here.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push((children[i], false));
            }
        }
    }

    /// <summary>Handles the start of an element; false when its children are not to be visited.</summary>
    private bool Enter(IElement element)
    {
        var name = element.LocalName;
        if (Invisible.Contains(name))
        {
            return false;
        }

        switch (name)
        {
            case "br":
                _pendingBreaks++;
                _pendingSpace = false;
                return false;
            case "img":
                var alt = element.GetAttribute("alt")?.Trim();
                if (!string.IsNullOrEmpty(alt))
                {
                    AppendText($"[image: {alt}]");
                }

                return false;
            case "td" or "th":
                // A space between cells; the row's line break swallows it before the first.
                _pendingSpace = true;
                break;
        }

        RequestBreaks(Breaks(name));
        if (name == "li")
        {
            AppendText("- ");
        }

        if (name == "pre")
        {
            _preDepth++;
        }

        return true;
    }

    private void Leave(IElement element)
    {
        if (element.LocalName == "pre")
        {
            _preDepth--;
        }

        RequestBreaks(Breaks(element.LocalName));
    }

    private static int Breaks(string name) => Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;

    private void RequestBreaks(int count)
    {
        if (count > 0)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, count);
            _pendingSpace = false;
        }
    }

    private void AppendText(string data)
    {
        if (_preDepth > 0)
        {
            if (data.Length > 0)
            {
                Flush();
                _text.Append(data.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00A0', ' '));
            }

            return;
        }

        foreach (var c in data)
        {
            // Non-breaking spaces are layout glue in HTML mail; in text they are spaces.
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }

            Flush();
            _text.Append(c);
        }
    }

    private void Flush()
    {
        if (_text.Length == 0)
        {
            _pendingBreaks = 0;
            _pendingSpace = false;
            return;
        }

        if (_pendingBreaks > 0)
        {
            _text.Append('\n', _pendingBreaks);
            _pendingBreaks = 0;
            _pendingSpace = false;
        }
        else if (_pendingSpace)
        {
            _text.Append(' ');
            _pendingSpace = false;
        }
    }

    /// <summary>Trailing spaces off every line, at most one blank line in a row, none at the start or end.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n');
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n', Math.Min(blank, 1) + 1);
            }

            blank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }
}
