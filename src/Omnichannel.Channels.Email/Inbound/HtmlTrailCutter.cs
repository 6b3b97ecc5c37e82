using System.Text;
using AngleSharp.Dom;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Cuts a quoted trail out of parsed HTML, moving the cut nodes into a detached element so their text can be kept.
/// Every walk here is linear in the size of the tree: siblings are reached by index (see <see cref="DomSiblings"/>), never
/// one by one, and no subtree's text is built twice.
/// </summary>
internal static class HtmlTrailCutter
{
    private const string HeaderMarkers =
        "div#appendonsend, div#divRplyFwdMsg, div.OutlookMessageHeader, div#mail-editor-reference-message-container";

    private const string QuoteMarkers =
        "div.gmail_quote, blockquote.gmail_quote, blockquote[type=cite], div.yahoo_quoted, div.protonmail_quote, "
        + "blockquote.protonmail_quote, div.zmail_extra, [data-marker=\"__QUOTED_TEXT__\"]";

    /// <summary>Moves the marked trail (and anything after it) out of the body; returns it, or null when nothing is marked.</summary>
    public static IElement? CutMarkedTrail(IElement body, IDocument document)
    {
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
        foreach (var sibling in DomSiblings.Before(quote))
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
    public static void CutAtLine(IElement body, string line)
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
            moved.AddRange(DomSiblings.After(current));

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
            foreach (var sibling in DomSiblings.After(current))
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
        foreach (var sibling in DomSiblings.Before(node))
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
        QuotedTrailSplitter.IsForwardMarker(QuotedTrailSplitter.FirstLine(HtmlTextExtractor.Extract(element)));

    /// <summary>
    /// Removes what shows nothing from the end (whitespace, line breaks, rules, empty elements), so a cut leaves no dangling
    /// separator. One walk backwards in document order, stopping at the first visible text or image.
    /// </summary>
    public static void TrimTrailingEmpty(IElement body)
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
}
