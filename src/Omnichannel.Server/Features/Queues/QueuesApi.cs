using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// Queues' routes: settings and membership (leads and admins change them; every agent may read them), the lead's
/// board and load moves. Each route sends its request (<c>Features/Queues/*.cs</c>) and translates the answer.
/// </summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapGet("/{id}/board", BoardAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/move", MoveAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/rebalance", RebalanceAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<QueueDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListQueues(), ct));

    private static async Task<Results<Ok<QueueDto>, NotFound>> GetAsync(string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetQueue(id), ct) is { Refusal: Refusal.None, Value: { } queue }
            ? TypedResults.Ok(queue)
            : TypedResults.NotFound();

    private static async Task<Results<Created<QueueDto>, Ok<QueueDto>>> PutAsync(
        string id, QueueRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveQueue(id, request, http.CurrentAgent()!.Id), ct);
        return saved.Created ? TypedResults.Created($"/api/queues/{id}", saved.Queue) : TypedResults.Ok(saved.Queue);
    }

    private static async Task<Results<Ok<QueueBoard>, NotFound>> BoardAsync(string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new ShowQueueBoard(id), ct) is { Refusal: Refusal.None, Value: { } board }
            ? TypedResults.Ok(board)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MovesResponse>, NotFound, ProblemHttpResult>> MoveAsync(
        string id, MoveRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Moved(await mediator.Send(new MoveConversations(id, request, http.CurrentAgent()!.Id), ct));

    private static async Task<Results<Ok<MovesResponse>, NotFound, ProblemHttpResult>> RebalanceAsync(
        string id, RebalanceRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Moved(await mediator.Send(new RebalanceQueue(id, request?.DryRun ?? true, http.CurrentAgent()!.Id), ct));

    private static Results<Ok<MovesResponse>, NotFound, ProblemHttpResult> Moved(Outcome<MovesResponse> outcome) => outcome.Refusal switch
    {
        Refusal.None => TypedResults.Ok(outcome.Value),
        Refusal.Conflict => outcome.ToProblem(),
        _ => TypedResults.NotFound(),
    };
}
