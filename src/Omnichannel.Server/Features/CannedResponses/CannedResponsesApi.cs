using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.CannedResponses;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// Canned responses' routes (docs/knowledge.md). Every agent reads and writes their personal ones and reads the shared
/// ones; leads and admins write the shared ones (a rule about the response, so the handlers decide it, not a policy).
/// </summary>
public static class CannedResponsesApi
{
    public static RouteGroupBuilder MapCannedResponsesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    /// <summary>
    /// The rendering, under the conversation it is for:
    /// <c>/api/conversations/{id}/canned-responses/{cannedId}/render</c>.
    /// </summary>
    public static RouteGroupBuilder MapCannedResponseRendering(this RouteGroupBuilder conversations)
    {
        conversations.MapGet("/{id}/canned-responses/{cannedId}/render", RenderAsync)
            .RequireAuthorization(InboxPolicies.Agent);
        return conversations;
    }

    private static async Task<Results<Ok<RenderedCannedResponse>, NotFound, ForbidHttpResult>> RenderAsync(
        string id, string cannedId, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new RenderCannedResponse(id, cannedId, http.CurrentAgent()!), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { } rendered } => TypedResults.Ok(rendered),
            { Refusal: Refusal.Forbidden } => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Ok<IReadOnlyList<CannedResponseDto>>> ListAsync(
        string? search, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCannedResponses(http.CurrentAgent()!, search), ct));

    private static async Task<Results<Ok<CannedResponseDto>, NotFound>> GetAsync(
        string id, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetCannedResponse(id, http.CurrentAgent()!), ct)
            is { Refusal: Refusal.None, Value: { } response }
            ? TypedResults.Ok(response)
            : TypedResults.NotFound();

    private static async Task<Results<Created<CannedResponseDto>, Ok<CannedResponseDto>, NotFound, ProblemHttpResult>>
        PutAsync(
        string id, CannedResponseDefinition definition, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new SaveCannedResponse(id, definition, http.CurrentAgent()!), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { Created: true } saved } =>
                TypedResults.Created($"/api/canned-responses/{id}", saved.Response),
            { Refusal: Refusal.None, Value: { } saved } => TypedResults.Ok(saved.Response),
            { Refusal: Refusal.NotFound } => TypedResults.NotFound(),
            _ => outcome.ToProblem(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DeleteCannedResponse(id, http.CurrentAgent()!), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.NotFound => TypedResults.NotFound(),
            _ => outcome.ToProblem(),
        };
    }
}
