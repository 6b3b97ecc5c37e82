using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

public sealed record AvailabilityRequest(string? Status);

public sealed record CapacityRequest(int? Capacity);

/// <summary>What an agent's own state looks like to assignment, as returned by the presence endpoints.</summary>
public sealed record PresenceDto(string AgentId, string Availability, bool Present, DateTimeOffset? PresentUntil, bool Paused, int Capacity, int Open);

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
        group.MapPost("/{id}/pause", (string id, HttpContext http, IAssignmentStore s, IPublisher p, TimeProvider t, CancellationToken ct) => SetPausedAsync(id, true, http, s, p, t, ct)).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/resume", (string id, HttpContext http, IAssignmentStore s, IPublisher p, TimeProvider t, CancellationToken ct) => SetPausedAsync(id, false, http, s, p, t, ct)).RequireAuthorization(InboxPolicies.Lead);
        group.MapPut("/{id}/capacity", SetCapacityAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static Availability ParseStatus(string? status) => AvailabilityText.TryParse(status, out var availability)
        ? availability
        : throw new RequestValidationException([new("status", "must be 'online', 'busy' or 'offline'.")]);

    private static async Task<Ok<PresenceDto>> SetOwnAvailabilityAsync(
        AvailabilityRequest request, HttpContext http, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        var availability = ParseStatus(request.Status);
        var agent = http.CurrentAgent()!;
        var change = await assignments.SetAvailabilityAsync(agent.Id, availability, agent.Id, time.GetUtcNow(), ct);
        await publisher.PublishAsync(change.Changes, null, ct);
        return TypedResults.Ok(await ReadAsync(agent.Id, assignments, time, ct));
    }

    private static async Task<Ok<PresenceDto>> HeartbeatAsync(HttpContext http, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        var agent = http.CurrentAgent()!;
        var change = await assignments.HeartbeatAsync(agent.Id, time.GetUtcNow(), ct);
        await publisher.PublishAsync(change.Changes, null, ct);
        return TypedResults.Ok(await ReadAsync(agent.Id, assignments, time, ct));
    }

    private static async Task<Ok<PresenceDto>> GetOwnAsync(HttpContext http, IAssignmentStore assignments, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await ReadAsync(http.CurrentAgent()!.Id, assignments, time, ct));

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetAvailabilityAsync(
        string id, AvailabilityRequest request, HttpContext http, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        var availability = ParseStatus(request.Status);
        if (!Ids.IsWellFormed(id))
        {
            return TypedResults.NotFound();
        }

        var change = await assignments.SetAvailabilityAsync(id, availability, http.CurrentAgent()!.Id, time.GetUtcNow(), ct);
        if (!change.Found)
        {
            return TypedResults.NotFound();
        }

        await publisher.PublishAsync(change.Changes, null, ct);
        return TypedResults.Ok(await ReadAsync(id, assignments, time, ct));
    }

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetPausedAsync(
        string id, bool paused, HttpContext http, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            return TypedResults.NotFound();
        }

        var change = await assignments.SetPausedAsync(id, paused, http.CurrentAgent()!.Id, time.GetUtcNow(), ct);
        if (!change.Found)
        {
            return TypedResults.NotFound();
        }

        await publisher.PublishAsync(change.Changes, null, ct);
        return TypedResults.Ok(await ReadAsync(id, assignments, time, ct));
    }

    private static async Task<Results<Ok<PresenceDto>, NotFound>> SetCapacityAsync(
        string id, CapacityRequest request, HttpContext http, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        if (request.Capacity is not { } capacity || capacity < 0 || capacity > AgentsApi.MaxCapacity)
        {
            throw new RequestValidationException([new("capacity", $"must be 0 to {AgentsApi.MaxCapacity}.")]);
        }

        if (!Ids.IsWellFormed(id))
        {
            return TypedResults.NotFound();
        }

        var change = await assignments.SetCapacityAsync(id, capacity, http.CurrentAgent()!.Id, time.GetUtcNow(), ct);
        if (!change.Found)
        {
            return TypedResults.NotFound();
        }

        await publisher.PublishAsync(change.Changes, null, ct);
        return TypedResults.Ok(await ReadAsync(id, assignments, time, ct));
    }

    private static async Task<PresenceDto> ReadAsync(string agentId, IAssignmentStore assignments, TimeProvider time, CancellationToken ct)
    {
        // Queue-independent fields only, so any queue id reads them; membership is not reported here.
        var agent = (await assignments.ReadAgentsAsync("-", [agentId], time.GetUtcNow(), ct)).Agents[0];
        var s = agent.State;
        return new PresenceDto(agentId, AvailabilityText.ToText(s.Availability), s.IsPresent, agent.PresentUntil, s.IsPaused, s.Capacity, s.OpenCount);
    }
}
