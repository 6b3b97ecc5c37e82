using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// The public help center (docs/knowledge.md): no sign-in, published articles only. <c>/help</c> and
/// <c>/help/{slugOrId}</c> are HTML pages (no script needed); <c>/api/help/articles</c> is the same search as JSON, for
/// the web chat widget.
/// </summary>
public static class HelpCenterApi
{
    private const string Html = "text/html; charset=utf-8";

    public static WebApplication MapHelpCenter(this WebApplication app)
    {
        app.MapGet("/help", IndexAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/help/{slugOrId}", ArticleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/help/articles", SearchAsync).AllowAnonymous().WithTags("Knowledge base");
        return app;
    }

    private static async Task<ContentHttpResult> IndexAsync(string? q, IMediator mediator, CancellationToken ct) =>
        TypedResults.Content(HelpCenterHtml.Index(await mediator.Send(new GetHelpCenter(q), ct)), Html);

    private static async Task<ContentHttpResult> ArticleAsync(
        string slugOrId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetHelpArticle(slugOrId), ct) is { } page
            ? TypedResults.Content(HelpCenterHtml.Article(page), Html)
            : TypedResults.Content(HelpCenterHtml.NotFound(), Html, statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<HelpArticleListDto>> SearchAsync(string? q, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SearchHelpArticles(q), ct));
}
