using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Articles;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// The knowledge base's routes (docs/knowledge.md): every agent reads every article, drafts and internal ones
/// included; leads and admins write them. The public reads published ones through the help center.
/// </summary>
public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<ArticleListDto>> ListAsync(
        string? category, string? status, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListArticles(category, status), ct));

    private static async Task<Results<Ok<ArticleDto>, NotFound>> GetAsync(
        string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetArticle(id), ct) is { Refusal: Refusal.None, Value: { } article }
            ? TypedResults.Ok(article)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ArticleDto>, Ok<ArticleDto>, ProblemHttpResult>> PutAsync(
        string id, ArticleDefinition definition, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new SaveArticle(id, definition), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { Created: true } saved } =>
                TypedResults.Created($"/api/articles/{id}", saved.Article),
            { Refusal: Refusal.None, Value: { } saved } => TypedResults.Ok(saved.Article),
            _ => outcome.ToProblem(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string id, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DeleteArticle(id), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.NotFound => TypedResults.NotFound(),
            _ => outcome.ToProblem(),
        };
    }
}
