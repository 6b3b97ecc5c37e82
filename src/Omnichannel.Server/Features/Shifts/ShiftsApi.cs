using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Shifts;

/// <summary>
/// Shift definitions (docs/shifts.md). Every agent may read them, to see their schedule; leads and admins define and
/// delete them. Each change is published as <see cref="ShiftsChanged"/> so assignment follows it at once.
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

    // A slug chosen by the lead; it becomes part of a Redis key and of URLs. \z rather than $: $ also matches before a
    // trailing newline, which a route value can carry (%0A).

    private static async Task<Ok<IReadOnlyList<ShiftDto>>> ListAsync(IShiftStore shifts, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<ShiftDto>>([.. (await shifts.ListAsync(ct)).Select(s => ShiftDto.From(s, now))]);
    }

    private static async Task<Results<Ok<ShiftDto>, NotFound>> GetAsync(string id, IShiftStore shifts, TimeProvider time, CancellationToken ct) =>
        Slugs.IsValid(id) && await shifts.GetAsync(id, ct) is { } shift
            ? TypedResults.Ok(ShiftDto.From(shift, time.GetUtcNow()))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ShiftDto>, Ok<ShiftDto>>> PutAsync(
        string id, ShiftDefinition definition, HttpContext http, IShiftStore shifts, IAgentStore agents, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        errors.AddRange(definition.Validate());
        errors.AddRange(await UnknownMembersAsync(definition.Members, agents, ct));
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var shift = definition.ToShift(id);
        var now = time.GetUtcNow();
        var replaced = await shifts.SaveAsync(shift, now, ct);
        await PublishAsync(publisher, [.. shift.Members, .. replaced?.Members ?? []], http);
        var body = ShiftDto.From(shift, now);
        return replaced is null ? TypedResults.Created($"/api/shifts/{id}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, HttpContext http, IShiftStore shifts, IPublisher publisher, CancellationToken ct)
    {
        if (!Slugs.IsValid(id) || await shifts.DeleteAsync(id, ct) is not { } removed)
        {
            return TypedResults.NotFound();
        }

        await PublishAsync(publisher, removed.Members, http);
        return TypedResults.NoContent();
    }

    /// <summary>Members that are well-formed ids but no agent's (malformed ones are the definition's own errors).</summary>
    private static async Task<IEnumerable<ValidationError>> UnknownMembersAsync(IReadOnlyList<string?>? members, IAgentStore agents, CancellationToken ct)
    {
        if (members is null || members.Count > ShiftDefinition.MaxMembers)
        {
            return [];
        }

        // Concurrent lookups share one pipelined round trip on the multiplexer instead of one each.
        var found = await Task.WhenAll(members.Select(async m => !Ids.IsWellFormed(m) || await agents.GetAsync(m!, ct) is not null));
        return found.Select((exists, i) => (exists, i)).Where(m => !m.exists).Select(m => new ValidationError($"members[{m.i}]", "no agent with this id."));
    }

    private static async Task PublishAsync(IPublisher publisher, IEnumerable<string> agentIds, HttpContext http)
    {
        // The change is stored: tell assignment even if the caller has gone, or the schedules would lag the store.
        var changed = new ShiftsChanged([.. agentIds.Distinct(StringComparer.Ordinal)], http.User.GetAgentId());
        await publisher.Publish(changed, CancellationToken.None);
    }
}
