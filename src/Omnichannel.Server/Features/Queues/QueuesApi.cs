using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Queues;

/// <summary>Queues: settings and membership (leads and admins change them; every agent may read them).</summary>
public static class QueuesApi
{
    public const int MaxTimeoutMinutes = 7 * 24 * 60;

    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPut("/{id}", PutAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapGet("/{id}/board", QueueBoardApi.BoardAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/move", QueueMovesApi.MoveAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/rebalance", QueueMovesApi.RebalanceAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }


    private static async Task<Ok<IReadOnlyList<QueueDto>>> ListAsync(IQueueStore queues, IAssignmentStore assignments, CancellationToken ct)
    {
        var all = await queues.ListAsync(ct);
        var dtos = new List<QueueDto>(all.Count);
        foreach (var queue in all)
        {
            dtos.Add(QueueDto.From(queue, await assignments.ReadWaitingAsync(queue.Id, ct)));
        }

        return TypedResults.Ok<IReadOnlyList<QueueDto>>(dtos);
    }

    private static async Task<Results<Ok<QueueDto>, NotFound>> GetAsync(string id, IQueueStore queues, IAssignmentStore assignments, CancellationToken ct) =>
        Slugs.IsValid(id) && await queues.GetAsync(id, ct) is { } queue
            ? TypedResults.Ok(QueueDto.From(queue, await assignments.ReadWaitingAsync(id, ct)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<QueueDto>, Ok<QueueDto>>> PutAsync(
        string id, QueueRequest request, HttpContext http, IQueueStore queues, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        var existing = errors.Count == 0 ? await queues.GetAsync(id, ct) : null;
        if (request.Name is not null || existing is null)
        {
            errors.AddRange(TextRules.Required("name", request.Name, TextRules.MaxNameLength));
        }

        var policy = existing?.Policy ?? QueuePolicy.RoundRobin;
        if (request.Policy is not null && !QueuePolicyText.TryParse(request.Policy, out policy))
        {
            errors.Add(new("policy", "must be 'round-robin' or 'balanced'."));
        }

        var handover = existing?.Handover ?? HandoverPolicy.RequeueWhenOffline;
        if (request.Handover is not null && !HandoverPolicyText.TryParse(request.Handover, out handover))
        {
            errors.Add(new("handover", "must be 'keep', 'requeue-when-offline' or 'requeue'."));
        }

        if (request.UnansweredTimeoutMinutes is < 1 or > MaxTimeoutMinutes)
        {
            errors.Add(new("unansweredTimeoutMinutes", $"must be null (no timeout) or 1 to {MaxTimeoutMinutes}."));
        }

        if (request.Members is { } members)
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (!Core.Model.Ids.IsWellFormed(members[i]))
                {
                    errors.Add(new($"members[{i}]", "is not an agent id."));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var actor = http.CurrentAgent()!;
        var settings = new QueueSettings(id, request.Name?.Trim() ?? existing!.Name, policy, handover,
            request.UnansweredTimeoutMinutes, [], existing?.CreatedAt ?? now, now);
        var result = await queues.SaveAsync(settings, request.Members, createOnly: false, actor.Id, now, ct);
        if (result.Status == QueueSaveStatus.UnknownMember)
        {
            var index = request.Members!.ToList().IndexOf(result.UnknownMember!);
            throw new RequestValidationException([new($"members[{index}]", "no agent with this id.")]);
        }

        await publisher.PublishAsync(result.Changes, null, ct);
        // Members who joined or left see (or stop seeing) the queue's conversations on their open connections at once.
        foreach (var member in request.Members is null ? [] : (existing?.Members ?? []).Union(request.Members, StringComparer.Ordinal))
        {
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, member), ct);
        }

        var dto = QueueDto.From((await queues.GetAsync(id, ct))!, await assignments.ReadWaitingAsync(id, ct));
        return result.Status == QueueSaveStatus.Created ? TypedResults.Created($"/api/queues/{id}", dto) : TypedResults.Ok(dto);
    }
}
