using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// An HTML body, read: the new part as text, the quoted trail as text, and the new part as sanitized HTML, or null with
/// <see cref="HtmlDropped"/> saying why when the markup was too hostile to keep.
/// </summary>
internal sealed record HtmlBody(string Text, string? Trail, string? Html, string? HtmlDropped = null);

/// <summary>
/// Reads an HTML body: cuts the quoted trail off the markup, derives the text, and sanitizes what is left.
/// <list type="bullet">
/// <item>Outlook marks where its reply header starts (<c>appendonsend</c>, <c>divRplyFwdMsg</c>): everything from there on
/// is the trail.</item>
/// <item>Other clients wrap the quote: Gmail's <c>gmail_quote</c>, Apple Mail's and Thunderbird's
/// <c>&lt;blockquote type="cite"&gt;</c> (with Thunderbird's <c>moz-cite-prefix</c> attribution above it), Yahoo, Proton,
/// Zoho. The last wrapped quote is the trail when nothing visible follows it; inline answers between quotes are kept.</item>
/// <item>Then the text rules of <see cref="QuotedTrailSplitter"/> run on the derived text (an unmarked Outlook
/// "From: / Sent:" block, an attribution line left above a quote), and the markup is cut where that trail begins.</item>
/// <item>Quotes inside a forward are kept, and when everything is quoted the whole body is kept.</item>
/// <item>A hostile mail must not stall the mailbox: every step here is linear in the size of the markup, and markup that
/// nests deeper than a browser would build, or has more elements than any real mail, is not kept as HTML at all (its text
/// is), because parsing, serializing and sanitizing it would take minutes.</item>
/// </list>
/// </summary>
internal static class HtmlBodyReader
{
    /// <summary>Chromium's parser stops nesting at 512 levels; real mail stays far below (Outlook's tables reach ~40).</summary>
    public const int MaxDepth = 512;

    /// <summary>A long newsletter has a few thousand elements; AngleSharp serializes and sanitizes in time that grows faster than the count.</summary>
    public const int MaxElements = 25_000;

    private const string HeaderMarkers =
        "div#appendonsend, div#divRplyFwdMsg, div.OutlookMessageHeader, div#mail-editor-reference-message-container";

    private const string QuoteMarkers =
        "div.gmail_quote, blockquote.gmail_quote, blockquote[type=cite], div.yahoo_quoted, div.protonmail_quote, "
        + "blockquote.protonmail_quote, div.zmail_extra, [data-marker=\"__QUOTED_TEXT__\"]";

    /// <summary>
    /// Parse as a browser with scripting on (and as HtmlSanitizer) does: <c>&lt;noscript&gt;</c> content is raw text. Cutting
    /// and text then see the same tree the sanitizer and the agent's browser will.
    /// </summary>
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = true };

    public static HtmlBody Read(string html, bool isForward)
    {
        if (HtmlMarkupScanner.NestsDeeperThan(html, MaxDepth))
        {
            return TextOnly(HtmlMarkupScanner.Text(html), isForward, $"nested deeper than {MaxDepth} levels");
        }

        var parser = new HtmlParser(ParserOptions);
        var document = parser.ParseDocument(html);
        if (Measure(document) is { } tooLarge)
        {
            return TextOnly(HtmlTextExtractor.Extract(Body(document)), isForward, tooLarge);
        }

        var markedTrail = isForward ? null : CutMarkedTrail(document);
        if (markedTrail is not null && !HtmlTextExtractor.HasVisibleContent(Body(document)))
        {
            document = parser.ParseDocument(html);
            markedTrail = null;
        }

        var body = Body(document);
        var split = QuotedTrailSplitter.Split(HtmlTextExtractor.Extract(body), isForward);
        if (split.Trail is not null)
        {
            CutAtLine(body, FirstLine(split.Trail));
        }

        var trail = markedTrail is null ? split.Trail : Join(split.Trail, HtmlTextExtractor.Extract(markedTrail));
        TrimTrailingEmpty(body);
        return new HtmlBody(split.Reply, string.IsNullOrWhiteSpace(trail) ? null : trail, EmailHtmlSanitizer.Sanitize(body.InnerHtml));
    }

    private static IElement Body(IHtmlDocument document) => document.Body ?? document.DocumentElement;

    private static HtmlBody TextOnly(string text, bool isForward, string reason)
    {
        var split = QuotedTrailSplitter.Split(text, isForward);
        return new HtmlBody(split.Reply, split.Trail, Html: null, HtmlDropped: reason);
    }

    /// <summary>Moves the marked trail (and anything after it) out of the body; returns it, or null when nothing is marked.</summary>
    private static IElement? CutMarkedTrail(IHtmlDocument document)
    {
        var body = Body(document);
        if (body.QuerySelector(HeaderMarkers) is { } header)
        {
            return CutFrom(header, body, document);
        }

        var quotes = body.QuerySelectorAll(QuoteMarkers);
        if (quotes.Length == 0)
        {
            return null;
        }

        // The last quote in document order sits inside the last outermost one (or is it).
        var markers = quotes.ToHashSet();
        IElement last = quotes[^1];
        for (var ancestor = last.ParentElement; ancestor is not null && ancestor != body; ancestor = ancestor.ParentElement)
        {
            if (markers.Contains(ancestor))
            {
                last = ancestor;
            }
        }

        if (HasContentAfter(last, body) || StartsWithForward(last))
        {
            return null;
        }

        return CutFrom(AttributionAbove(last) ?? last, body, document);
    }

    /// <summary>Thunderbird's attribution ("On …, Ana wrote:") in its own element right above the quote, in any language.</summary>
    private static IElement? AttributionAbove(IElement quote)
    {
        foreach (var sibling in SiblingsBefore(quote))
        {
            if (sibling is IElement { LocalName: "div" } prefix && prefix.ClassList.Contains("moz-cite-prefix"))
            {
                return prefix;
            }

            if (HtmlTextExtractor.HasVisibleContent(sibling))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Cuts the body where the text line <paramref name="line"/> begins, unless it begins the body or cannot be found.</summary>
    private static void CutAtLine(IElement body, string line)
    {
        var wanted = WithoutWhitespace(line);
        if (wanted.Length == 0)
        {
            return;
        }

        var (texts, all) = VisibleTextNodes(body);
        var index = all.IndexOf(wanted, StringComparison.Ordinal);
        if (index <= 0)
        {
            return;
        }

        var (node, start) = texts[texts.FindLastIndex(t => t.Start <= index)];
        INode cut = SplitAt(node, index - start);

        // Climb while nothing visible precedes the cut inside the parent, so wrappers of the trail go with it.
        while (cut.Parent is IElement parent && parent != body && !HasContentBefore(cut))
        {
            cut = parent;
        }

        CutFrom(cut, body, body.Owner!);
    }

    /// <summary>Splits a text node before its <paramref name="visibleOffset"/>-th non-whitespace character and returns the node that starts there.</summary>
    private static IText SplitAt(IText node, int visibleOffset)
    {
        if (visibleOffset == 0)
        {
            return node;
        }

        var seen = 0;
        for (var i = 0; i < node.Data.Length; i++)
        {
            if (char.IsWhiteSpace(node.Data[i]))
            {
                continue;
            }

            if (seen == visibleOffset)
            {
                return node.Split(i);
            }

            seen++;
        }

        return node;
    }

    /// <summary>The visible text nodes in document order, each with where its text starts in their whitespace-free concatenation.</summary>
    private static (List<(IText Node, int Start)> Texts, string All) VisibleTextNodes(IElement root)
    {
        var texts = new List<(IText Node, int Start)>();
        var all = new StringBuilder();
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is IText text)
            {
                var visible = WithoutWhitespace(text.Data);
                if (visible.Length > 0)
                {
                    texts.Add((text, all.Length));
                    all.Append(visible);
                }
            }
            else if (node is IElement element && !HtmlTextExtractor.IsInvisible(element.LocalName))
            {
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
        }

        return (texts, all.ToString());
    }

    /// <summary>
    /// Moves <paramref name="node"/> and everything after it in document order (its following siblings, then those of each
    /// ancestor up to <paramref name="root"/>) into a new detached element, in order.
    /// </summary>
    private static IElement CutFrom(INode node, IElement root, IDocument document)
    {
        var moved = new List<INode> { node };
        for (var current = node; current != root && current.Parent is { } parent; current = parent)
        {
            moved.AddRange(SiblingsAfter(current));

            if (parent == root)
            {
                break;
            }
        }

        var container = document.CreateElement("div");
        foreach (var item in moved)
        {
            item.Parent?.RemoveChild(item);
            container.AppendChild(item);
        }

        return container;
    }

    private static bool HasContentAfter(INode node, IElement root)
    {
        for (var current = node; current != root && current.Parent is { } parent; current = parent)
        {
            foreach (var sibling in SiblingsAfter(current))
            {
                if (HtmlTextExtractor.HasVisibleContent(sibling))
                {
                    return true;
                }
            }

            if (parent == root)
            {
                break;
            }
        }

        return false;
    }

    private static bool HasContentBefore(INode node)
    {
        foreach (var sibling in SiblingsBefore(node))
        {
            if (HtmlTextExtractor.HasVisibleContent(sibling))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gmail wraps forwarded messages in the same <c>gmail_quote</c> as quotes; a forward is content, not a trail.</summary>
    private static bool StartsWithForward(IElement element) =>
        QuotedTrailSplitter.IsForwardMarker(FirstLine(HtmlTextExtractor.Extract(element)));

    /// <summary>
    /// Removes what shows nothing from the end (whitespace, line breaks, rules, empty elements), so a cut leaves no dangling
    /// separator. One walk backwards in document order, stopping at the first visible text or image.
    /// </summary>
    private static void TrimTrailingEmpty(IElement body)
    {
        var node = body.LastChild;
        while (node is not null)
        {
            var isContainer = node is IElement element && element.HasChildNodes
                && element.LocalName is not ("img" or "br" or "hr") && !HtmlTextExtractor.IsInvisible(element.LocalName);
            if (isContainer)
            {
                node = node.LastChild;
                continue;
            }

            if (node is IElement { LocalName: "img" } || (node is IText text && !string.IsNullOrWhiteSpace(text.Data)))
            {
                return;
            }

            var parent = node.Parent;
            parent?.RemoveChild(node);
            node = parent is null || parent == body || parent.HasChildNodes ? parent?.LastChild : parent;
        }
    }

    /// <summary>Why the parsed markup is too large to keep as HTML (<see cref="MaxDepth"/>, <see cref="MaxElements"/>), or null. Iterative.</summary>
    private static string? Measure(IHtmlDocument document)
    {
        var elements = 0;
        var pending = new Stack<(INode Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth)
            {
                return $"nested deeper than {MaxDepth} levels";
            }

            if (++elements > MaxElements)
            {
                return $"more than {MaxElements} elements";
            }

            var children = item.Node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is IElement child)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }

        return null;
    }

    // AngleSharp finds a node's next or previous sibling by searching the parent's child list, so walking siblings one
    // by one is quadratic in their number; these find the node once and then index.
    private static IEnumerable<INode> SiblingsAfter(INode node)
    {
        var siblings = node.Parent?.ChildNodes;
        for (var i = IndexIn(siblings, node) + 1; siblings is not null && i > 0 && i < siblings.Length; i++)
        {
            yield return siblings[i];
        }
    }

    /// <summary>The siblings before <paramref name="node"/>, nearest first.</summary>
    private static IEnumerable<INode> SiblingsBefore(INode node)
    {
        var siblings = node.Parent?.ChildNodes;
        for (var i = IndexIn(siblings, node) - 1; siblings is not null && i >= 0; i--)
        {
            yield return siblings[i];
        }
    }

    private static int IndexIn(INodeList? siblings, INode node)
    {
        for (var i = 0; siblings is not null && i < siblings.Length; i++)
        {
            if (siblings[i] == node)
            {
                return i;
            }
        }

        return -1;
    }

    private static string FirstLine(string text) =>
        text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0) ?? string.Empty;

    private static string WithoutWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Join(string? first, string second) =>
        string.IsNullOrWhiteSpace(first) ? second : first + "\n\n" + second;
}
