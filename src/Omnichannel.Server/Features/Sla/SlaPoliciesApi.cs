using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Sla;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Sla;

/// <summary>SLA policies' routes (docs/sla.md). Every agent may read them; leads and admins define and delete them.</summary>
public static class SlaPoliciesApi
{
    public static RouteGroupBuilder MapSlaPoliciesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<SlaPolicyDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSlaPolicies(), ct));

    private static async Task<Results<Ok<SlaPolicyDto>, NotFound>> GetAsync(string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetSlaPolicy(id), ct) is { Refusal: Refusal.None, Value: { } policy }
            ? TypedResults.Ok(policy)
            : TypedResults.NotFound();

    private static async Task<Results<Created<SlaPolicyDto>, Ok<SlaPolicyDto>>> PutAsync(
        string id, SlaPolicyDefinition definition, IMediator mediator, CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveSlaPolicy(id, definition), ct);
        return saved.Created ? TypedResults.Created($"/api/sla-policies/{id}", saved.Policy) : TypedResults.Ok(saved.Policy);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string id, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DeleteSlaPolicy(id), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.Conflict => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }
}
