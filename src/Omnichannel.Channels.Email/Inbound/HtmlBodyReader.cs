using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>An HTML body, read: the new part as text, the quoted trail as text, and the new part as sanitized HTML.</summary>
internal sealed record HtmlBody(string Text, string? Trail, string Html);

/// <summary>
/// Reads an HTML body: cuts the quoted trail off the markup, derives the text, and sanitizes what is left.
/// <list type="bullet">
/// <item>Mail clients mark their quotes: Gmail's <c>gmail_quote</c>, Apple Mail's and Thunderbird's
/// <c>&lt;blockquote type="cite"&gt;</c>, Outlook's <c>divRplyFwdMsg</c> / <c>appendonsend</c>, Yahoo, Proton, Zoho. The
/// last marked block is the trail when nothing but whitespace follows it; inline answers between quotes are kept.</item>
/// <item>Then the text rules of <see cref="QuotedTrailSplitter"/> run on the derived text (an unmarked Outlook
/// "From: / Sent:" block, an attribution line left above a quote), and the markup is cut where that trail begins.</item>
/// <item>Quotes inside a forward are kept, and when everything is quoted the whole body is kept.</item>
/// </list>
/// </summary>
internal static class HtmlBodyReader
{
    private const string QuoteMarkers =
        "div.gmail_quote, blockquote.gmail_quote, blockquote[type=cite], div#divRplyFwdMsg, div#appendonsend, "
        + "div.moz-cite-prefix, div.yahoo_quoted, div#mail-editor-reference-message-container, div.protonmail_quote, "
        + "blockquote.protonmail_quote, div.zmail_extra, div.OutlookMessageHeader, [data-marker=\"__QUOTED_TEXT__\"]";

    /// <summary>
    /// Parse as a browser with scripting on (and as HtmlSanitizer) does: <c>&lt;noscript&gt;</c> content is raw text. Cutting
    /// and text then see the same tree the sanitizer and the agent's browser will.
    /// </summary>
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = true };

    public static HtmlBody Read(string html, bool isForward)
    {
        var parser = new HtmlParser(ParserOptions);
        var document = parser.ParseDocument(html);
        var markedTrail = isForward ? null : CutMarkedQuote(document);
        if (markedTrail is not null && !HasContent(Body(document)))
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

    /// <summary>Moves the last marked quote (and anything after it) out of the body, when nothing meaningful follows it.</summary>
    private static IElement? CutMarkedQuote(IHtmlDocument document)
    {
        var body = Body(document);
        var markers = body.QuerySelectorAll(QuoteMarkers);
        var outermost = markers.Where(m => !markers.Any(other => other != m && other.Contains(m))).ToList();
        if (outermost.Count == 0)
        {
            return null;
        }

        var last = outermost[^1];
        if (HasContentAfter(last, body) || StartsWithForward(last))
        {
            return null;
        }

        // An attribution in its own element just above the quote (Thunderbird's moz-cite-prefix is a marker itself)
        // is cut by the text rules afterwards.
        return CutFrom(last, body, document);
    }

    /// <summary>Cuts the body where the text line <paramref name="line"/> begins, unless it begins the body or cannot be found.</summary>
    private static void CutAtLine(IElement body, string line)
    {
        var wanted = WithoutWhitespace(line);
        if (wanted.Length == 0)
        {
            return;
        }

        var texts = new List<(IText Node, int Start)>();
        var all = new StringBuilder();
        CollectText(body, texts, all);
        var index = all.ToString().IndexOf(wanted, StringComparison.Ordinal);
        if (index <= 0)
        {
            return;
        }

        var (node, start) = texts.Last(t => t.Start <= index);
        INode cut = SplitAt(node, index - start);
        while (cut.Parent is IElement parent && parent != body
            && WithoutWhitespace(VisibleText(parent)).StartsWith(wanted, StringComparison.Ordinal))
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

    private static void CollectText(INode node, List<(IText Node, int Start)> texts, StringBuilder all)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                var visible = WithoutWhitespace(text.Data);
                if (visible.Length > 0)
                {
                    texts.Add((text, all.Length));
                    all.Append(visible);
                }
            }
            else if (child is IElement element && !HtmlTextExtractor.IsInvisible(element.LocalName))
            {
                CollectText(element, texts, all);
            }
        }
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
            for (var sibling = current.NextSibling; sibling is not null; sibling = sibling.NextSibling)
            {
                moved.Add(sibling);
            }

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
            for (var sibling = current.NextSibling; sibling is not null; sibling = sibling.NextSibling)
            {
                if (HasContent(sibling))
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

    /// <summary>Gmail wraps forwarded messages in the same <c>gmail_quote</c> as quotes; a forward is content, not a trail.</summary>
    private static bool StartsWithForward(IElement element) =>
        QuotedTrailSplitter.IsForwardMarker(FirstLine(HtmlTextExtractor.Extract(element)));

    /// <summary>Removes whitespace, line breaks, rules and empty elements from the end, so a cut leaves no dangling separator.</summary>
    private static void TrimTrailingEmpty(INode parent)
    {
        while (parent.LastChild is { } last)
        {
            if (last is IElement element)
            {
                if (element.LocalName is not ("br" or "hr") && HasContent(element))
                {
                    TrimTrailingEmpty(element);
                    return;
                }
            }
            else if (last is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return;
            }

            parent.RemoveChild(last);
        }
    }

    private static bool HasContent(INode node) => node switch
    {
        IElement { LocalName: "img" } => true,
        IElement element => !HtmlTextExtractor.IsInvisible(element.LocalName)
            && (!string.IsNullOrWhiteSpace(VisibleText(element)) || element.QuerySelector("img") is not null),
        IText text => !string.IsNullOrWhiteSpace(text.Data),
        _ => false,
    };

    private static string VisibleText(IElement element) => HtmlTextExtractor.Extract(element);

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
