using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

/// <summary>
/// Availability, presence, pause and capacity: an agent sets their own availability and sends heartbeats; a lead or
/// admin sets anyone's availability, pauses and resumes them, and sets their capacity. Every change that can make room
/// drains the agent's queues at once.
/// </summary>
public static class PresenceApi
{
    public static RouteGroupBuilder MapPresenceApi(this RouteGroupBuilder group)
    {
        group.MapPut("/me/availability", SetOwnAvailabilityAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/me/heartbeat", HeartbeatAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/me/presence", GetOwnAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPut("/{id}/availability", SetAvailabilityAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/pause", (string id, HttpContext http, IMediator m, CancellationToken ct) => SetPausedAsync(id, true, http, m, ct))
            .RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/resume", (string id, HttpContext http, IMediator m, CancellationToken ct) => SetPausedAsync(id, false, http, m, ct))
            .RequireAuthorization(InboxPolicies.Lead);
        group.MapPut("/{id}/capacity", SetCapacityAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<PresenceDto>> SetOwnAvailabilityAsync(
        AvailabilityRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetOwnAvailability(http.CurrentAgent()!.Id, request.Status), ct));

    private static async Task<Ok<PresenceDto>> HeartbeatAsync(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SendHeartbeat(http.CurrentAgent()!.Id), ct));

    private static async Task<Ok<PresenceDto>> GetOwnAsync(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetOwnPresence(http.CurrentAgent()!.Id), ct));

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetAvailabilityAsync(
        string id, AvailabilityRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Presence(await mediator.Send(new SetAgentAvailability(id, request.Status, http.CurrentAgent()!.Id), ct));

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetPausedAsync(
        string id, bool paused, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Presence(await mediator.Send(new PauseAgent(id, paused, http.CurrentAgent()!.Id), ct));

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetCapacityAsync(
        string id, CapacityRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        Presence(await mediator.Send(new SetAgentCapacity(id, request.Capacity, http.CurrentAgent()!.Id), ct));

    private static Results<Ok<PresenceDto>, NotFound> Presence(Outcome<PresenceDto> outcome) =>
        outcome is { Refusal: Refusal.None, Value: { } presence } ? TypedResults.Ok(presence) : TypedResults.NotFound();
}
