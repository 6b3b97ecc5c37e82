using AngleSharp.Dom;
using Ganss.Xss;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Makes a mail's HTML inert before an agent's browser shows it, on top of HtmlSanitizer's defaults (no scripts, frames,
/// objects, event handlers or <c>javascript:</c> URLs):
/// <list type="bullet">
/// <item>no forms or form controls, no image maps;</item>
/// <item>no <c>id</c>, <c>name</c> or <c>class</c>: they could clobber or restyle the agent app's own DOM;</item>
/// <item>images only from <c>cid:</c> (the mail's own inline parts) or https (http and data: images are dropped; http would
/// be mixed content, data: hides payloads), and an image left without a source is removed;</item>
/// <item>links to absolute http, https, mailto and tel URLs only, opening in a new tab without referrer;</item>
/// <item>style attributes limited to text, box and table properties: nothing positions, animates, hides behind opacity,
/// or loads a URL (backgrounds, list images, cursors, content).</item>
/// </list>
/// One configured instance serves every message: HtmlSanitizer is safe to share once configured.
/// </summary>
internal static class EmailHtmlSanitizer
{
    private static readonly string[] RemovedTags =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "keygen", "datalist", "output", "label",
        "fieldset", "legend", "menu", "menuitem", "map", "area", "meter", "progress",
    ];

    private static readonly string[] RemovedAttributes =
    [
        "id", "name", "class", "accept", "accept-charset", "action", "method", "enctype", "autocomplete", "autosave",
        "contenteditable", "draggable", "dropzone", "tabindex", "accesskey", "usemap", "ismap", "longdesc", "target",
        "rel", "form", "formaction", "challenge", "keytype", "pattern", "placeholder", "required", "selected", "checked",
        "disabled", "readonly", "multiple", "novalidate", "list", "max", "min", "maxlength", "step", "value", "wrap",
    ];

    private static readonly string[] AllowedCss =
    [
        "color", "background-color", "font", "font-family", "font-size", "font-style", "font-variant", "font-weight",
        "text-align", "text-decoration", "text-decoration-color", "text-decoration-line", "text-decoration-style",
        "text-indent", "text-transform", "line-height", "letter-spacing", "word-spacing", "word-break", "word-wrap",
        "overflow-wrap", "white-space", "vertical-align", "direction",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
        "border-width", "border-radius", "border-top-color", "border-top-style", "border-top-width", "border-right-color",
        "border-right-style", "border-right-width", "border-bottom-color", "border-bottom-style", "border-bottom-width",
        "border-left-color", "border-left-style", "border-left-width", "border-collapse", "border-spacing",
        "width", "height", "min-width", "max-width", "min-height", "max-height", "display", "float", "clear",
        "table-layout", "list-style-type", "list-style-position", "text-overflow",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>Sanitizes body content (a fragment, or a whole document whose body is kept).</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in RemovedTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in RemovedAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        sanitizer.AllowDataAttributes = false;
        sanitizer.AllowCssCustomProperties = false;
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedCssProperties.Clear();
        foreach (var property in AllowedCss)
        {
            sanitizer.AllowedCssProperties.Add(property);
        }

        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel", "cid" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && !IsAllowedFor(e.Tag, url))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            // An image whose source was refused would only show as a broken-image icon.
            foreach (var image in e.Document.QuerySelectorAll("img:not([src])").ToList())
            {
                image.Remove();
            }
        };
        return sanitizer;
    }

    /// <summary>Links may go to the web, a mail address or a phone; anything loaded on display must be https or the mail's own part.</summary>
    private static bool IsAllowedFor(IElement element, string url)
    {
        // Relative URLs are refused too: they would resolve against the agent app, not the sender.
        var value = url.AsSpan().TrimStart();
        string[] schemes = element.LocalName == "a" ? ["http:", "https:", "mailto:", "tel:"] : ["https:", "cid:"];
        foreach (var scheme in schemes)
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
