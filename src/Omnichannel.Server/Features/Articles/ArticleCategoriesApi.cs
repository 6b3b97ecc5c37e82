using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Articles;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Articles;

/// <summary>Article categories' routes (docs/knowledge.md): every agent reads them; leads and admins write them.</summary>
public static class ArticleCategoriesApi
{
    public static RouteGroupBuilder MapArticleCategoriesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ArticleCategoryDto>>> ListAsync(
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListArticleCategories(), ct));

    private static async Task<Results<Ok<ArticleCategoryDto>, NotFound>> GetAsync(
        string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetArticleCategory(id), ct) is { Refusal: Refusal.None, Value: { } category }
            ? TypedResults.Ok(category)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ArticleCategoryDto>, Ok<ArticleCategoryDto>>> PutAsync(
        string id, ArticleCategoryDefinition definition, IMediator mediator, CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveArticleCategory(id, definition), ct);
        return saved.Created
            ? TypedResults.Created($"/api/article-categories/{id}", saved.Category)
            : TypedResults.Ok(saved.Category);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string id, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DeleteArticleCategory(id), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.NotFound => TypedResults.NotFound(),
            _ => outcome.ToProblem(),
        };
    }
}
