using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Omnichannel.Server.Features.Articles;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// The help center's pages: plain server-rendered HTML, no script. Every title, name and query is HTML-encoded; an
/// article's body is the sanitized HTML of <see cref="ArticleRenderer"/>.
/// </summary>
public static class HelpCenterHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:760px;margin:32px auto;padding:0 16px;color:#1e293b;line-height:1.5}
        a{color:#2563eb}header a{text-decoration:none;color:inherit}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
        form{display:flex;gap:8px;margin:16px 0}input{flex:1;padding:8px;border:1px solid #cbd5e1;border-radius:6px}
        button{padding:8px 14px;border:0;border-radius:6px;background:#2563eb;color:#fff}
        ul{padding-left:1.2rem}li{margin:4px 0}.snippet{color:#64748b;font-size:.9rem;margin:0}
        pre{background:#f1f5f9;padding:12px;border-radius:8px;overflow:auto}table{border-collapse:collapse}
        td,th{border:1px solid #cbd5e1;padding:4px 8px}.muted{color:#64748b}
        """;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Index(HelpCenterPage page)
    {
        var body = new StringBuilder();
        SearchForm(body, page.Query);
        if (page.Query is not null)
        {
            body.Append("<h2>Results for “").Append(Encoder.Encode(page.Query)).Append("”</h2>");
            if (page.Hits.Count == 0)
            {
                body.Append("<p class=\"muted\">No article matches.</p>");
            }

            body.Append("<ul>");
            foreach (var hit in page.Hits)
            {
                Link(body, hit.Id, hit.Title);
                body.Append("<p class=\"snippet\">").Append(Encoder.Encode(hit.Snippet)).Append("</p></li>");
            }

            body.Append("</ul>");
        }
        else if (page.Sections.Count == 0)
        {
            body.Append("<p class=\"muted\">No articles yet.</p>");
        }

        foreach (var (category, articles) in page.Sections)
        {
            body.Append("<h2>").Append(Encoder.Encode(category.Name)).Append("</h2><ul>");
            foreach (var article in articles)
            {
                Link(body, article.Id, article.Title);
                body.Append("</li>");
            }

            body.Append("</ul>");
        }

        return Document("Help center", body.ToString());
    }

    public static string Article(HelpArticlePage page)
    {
        var body = new StringBuilder();
        SearchForm(body, null);
        body.Append("<article><h1>").Append(Encoder.Encode(page.Article.Title)).Append("</h1>");
        if (page.Category is { } category)
        {
            body.Append("<p class=\"muted\">").Append(Encoder.Encode(category.Name)).Append(" · updated ")
                .Append(page.Article.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</p>");
        }

        body.Append(ArticleRenderer.ToHtml(page.Article.Markdown)).Append("</article>");
        return Document(page.Article.Title, body.ToString());
    }

    public static string NotFound() =>
        Document("Not found", "<h1>Not found</h1><p>There is no such article. <a href=\"/help\">All articles</a></p>");

    private static void Link(StringBuilder body, string id, string title) =>
        body.Append("<li><a href=\"/help/").Append(Encoder.Encode(id)).Append("\">").Append(Encoder.Encode(title))
            .Append("</a>");

    private static void SearchForm(StringBuilder body, string? query) =>
        body.Append("<form action=\"/help\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" ")
            .Append("aria-label=\"Search the help center\" placeholder=\"Search the help center\" value=\"")
            .Append(Encoder.Encode(query ?? "")).Append("\"><button type=\"submit\">Search</button></form>");

    private static string Document(string title, string body) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + Encoder.Encode(title) + " · Help center</title><style>" + Style + "</style></head><body>"
        + "<header><a href=\"/help\"><strong>Help center</strong></a></header><main>" + body + "</main></body></html>";
}
