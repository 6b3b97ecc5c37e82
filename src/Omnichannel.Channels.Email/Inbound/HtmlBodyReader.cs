using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Omnichannel.Channels.Email.Inbound;

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

        var markedTrail = isForward ? null : HtmlTrailCutter.CutMarkedTrail(Body(document), document);
        if (markedTrail is not null && !HtmlTextExtractor.HasVisibleContent(Body(document)))
        {
            document = parser.ParseDocument(html);
            markedTrail = null;
        }

        var body = Body(document);
        var split = QuotedTrailSplitter.Split(HtmlTextExtractor.Extract(body), isForward);
        if (split.Trail is not null)
        {
            HtmlTrailCutter.CutAtLine(body, QuotedTrailSplitter.FirstLine(split.Trail));
        }

        var trail = markedTrail is null ? split.Trail : Join(split.Trail, HtmlTextExtractor.Extract(markedTrail));
        HtmlTrailCutter.TrimTrailingEmpty(body);
        return new HtmlBody(split.Reply, string.IsNullOrWhiteSpace(trail) ? null : trail, EmailHtmlSanitizer.Sanitize(body.InnerHtml));
    }

    private static IElement Body(IHtmlDocument document) => document.Body ?? document.DocumentElement;

    private static HtmlBody TextOnly(string text, bool isForward, string reason)
    {
        var split = QuotedTrailSplitter.Split(text, isForward);
        return new HtmlBody(split.Reply, split.Trail, Html: null, HtmlDropped: reason);
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

    private static string? Join(string? first, string second) =>
        string.IsNullOrWhiteSpace(first) ? second : first + "\n\n" + second;
}
