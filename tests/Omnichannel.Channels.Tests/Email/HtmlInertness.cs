using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Checks that sanitized HTML cannot run, load or submit anything, both as text and as the DOM a browser builds.</summary>
internal static partial class HtmlInertness
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.Ordinal)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea",
        "select", "svg", "math", "style", "link", "meta", "base", "noscript", "template", "isindex",
    };

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "background", "poster", "srcset", "xlink:href", "data"];

    public static void AssertInert(string? html)
    {
        if (html is null)
        {
            return;
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandler(), html);

        var body = new HtmlParser().ParseDocument(html).Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                Assert.NotEqual("id", attribute.Name);
                Assert.NotEqual("name", attribute.Name);
            }

            foreach (var name in UrlAttributes)
            {
                if (element.GetAttribute(name) is { } url)
                {
                    AssertSafeUrl(element, url.Trim());
                }
            }

            if (element.GetAttribute("style") is { } style)
            {
                Assert.DoesNotContain("url(", style, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("expression", style, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("position", style, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static void AssertSafeUrl(IElement element, string url)
    {
        string[] allowed = element.LocalName == "a" ? ["http:", "https:", "mailto:", "tel:"] : ["https:", "cid:"];
        Assert.True(
            allowed.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)),
            $"<{element.LocalName}> kept the URL {url}");
    }

    [GeneratedRegex(@"\son\w+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
