using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

/// <summary>Agent accounts' routes, for admins; the use cases are <c>Features/Agents/*Agent*.cs</c>.</summary>
public static class AgentsApi
{
    public const int MaxCapacity = 1000;

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", UpdateAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AgentDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAgents(), ct));

    private static async Task<Results<Ok<AgentDto>, NotFound>> GetAsync(string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetAgent(id), ct) is { Refusal: Refusal.None, Value: { } agent } ? TypedResults.Ok(agent) : TypedResults.NotFound();

    private static async Task<Results<Created<AgentDto>, ProblemHttpResult>> CreateAsync(CreateAgentRequest request, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new CreateAgent(request), ct);
        return outcome is { Refusal: Refusal.None, Value: { } agent }
            ? TypedResults.Created($"/api/agents/{agent.Id}", agent)
            : outcome.ToProblem();
    }

    private static async Task<Results<Ok<AgentDto>, NotFound>> UpdateAsync(
        string id, UpdateAgentRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new UpdateAgent(id, request, http.CurrentAgent()!.Id), ct) is { Refusal: Refusal.None, Value: { } agent }
            ? TypedResults.Ok(agent)
            : TypedResults.NotFound();
}
