using Ganss.Xss;
using Markdig;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// An article's Markdown as HTML a browser may show anywhere, the public help center included. Markdig renders
/// CommonMark with pipe tables and auto-links only, raw HTML written as text (<c>DisableHtml</c>); HtmlSanitizer then
/// removes what Markdown itself can carry: <c>javascript:</c> and <c>data:</c> links or images (only http, https and
/// mailto stay), and any attribute that could restyle or script the page around it. One configured instance of each
/// serves every request: both are safe to share once built.
/// </summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)).Trim();

    /// <summary>The article as plain text (for search and snippets): what a reader sees, without the markup.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var attribute in new[] { "id", "name", "class", "style", "target", "tabindex", "accesskey" })
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        foreach (var tag in new[] { "form", "input", "button", "select", "textarea", "label", "fieldset", "style" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowDataAttributes = false;
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        return sanitizer;
    }
}
