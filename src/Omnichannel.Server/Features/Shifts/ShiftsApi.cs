using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Events;
using Omnichannel.Core.Scheduling;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Shifts;

/// <summary>
/// Shift definitions' routes (docs/shifts.md). Every agent may read them, to see their schedule; leads and admins
/// define and delete them. Each change is published as <see cref="ShiftsChanged"/> so assignment follows it at once.
/// </summary>
public static class ShiftsApi
{
    public static RouteGroupBuilder MapShiftsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ShiftDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListShifts(), ct));

    private static async Task<Results<Ok<ShiftDto>, NotFound>> GetAsync(string id, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetShift(id), ct) is { Refusal: Refusal.None, Value: { } shift }
            ? TypedResults.Ok(shift)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ShiftDto>, Ok<ShiftDto>>> PutAsync(
        string id, ShiftDefinition definition, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveShift(id, definition, http.User.GetAgentId()), ct);
        return saved.Created ? TypedResults.Created($"/api/shifts/{id}", saved.Shift) : TypedResults.Ok(saved.Shift);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, HttpContext http, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new DeleteShift(id, http.User.GetAgentId()), ct)).Refusal == Refusal.None
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
