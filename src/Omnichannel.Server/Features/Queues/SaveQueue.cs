using Mediator;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// <c>PUT /api/queues/{id}</c>: creates the queue or changes the fields given; members, when given, replace the
/// membership.
/// </summary>
public sealed record SaveQueue(string Id, QueueRequest Body, string ActorId) : IRequest<SavedQueue>;

/// <summary>The queue as saved, and whether this request created it.</summary>
public sealed record SavedQueue(QueueDto Queue, bool Created);

/// <summary>A new queue needs a name; an existing one keeps what the request leaves out.</summary>
public sealed class SaveQueueValidator(IQueueStore queues, ISlaPolicyStore policies) : IRequestValidator<SaveQueue>
{
    public const int MaxTimeoutMinutes = 7 * 24 * 60;

    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SaveQueue request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(request.Id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        var existing = errors.Count == 0 ? await queues.GetAsync(request.Id, cancellationToken) : null;
        if (body.Name is not null || existing is null)
        {
            errors.AddRange(TextRules.Required("name", body.Name, TextRules.MaxNameLength));
        }

        if (body.Policy is not null && !QueuePolicyText.TryParse(body.Policy, out _))
        {
            errors.Add(new("policy", "must be 'round-robin' or 'balanced'."));
        }

        if (body.Handover is not null && !HandoverPolicyText.TryParse(body.Handover, out _))
        {
            errors.Add(new("handover", "must be 'keep', 'requeue-when-offline' or 'requeue'."));
        }

        if (body.UnansweredTimeoutMinutes is < 1 or > MaxTimeoutMinutes)
        {
            errors.Add(new("unansweredTimeoutMinutes", $"must be null (no timeout) or 1 to {MaxTimeoutMinutes}."));
        }

        if (body.Tier is not null && !QueueTiers.IsValid(body.Tier))
        {
            errors.Add(new("tier", "must be 'L1', 'L2' or 'L3'."));
        }

        if (body.SlaPolicy is { Length: > 0 } policyId
            && (!Slugs.IsValid(policyId) || await policies.GetAsync(policyId, cancellationToken) is null))
        {
            errors.Add(new("slaPolicy", "no SLA policy with this id ('' for none)."));
        }

        if (body.EscalatesTo is { Length: > 0 } target)
        {
            if (target == request.Id)
            {
                errors.Add(new("escalatesTo", "a queue cannot escalate to itself."));
            }
            else if (!Slugs.IsValid(target) || await queues.GetAsync(target, cancellationToken) is null)
            {
                errors.Add(new("escalatesTo", "no queue with this id ('' for none)."));
            }
        }

        if (body.Members is { } members)
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (!Ids.IsWellFormed(members[i]))
                {
                    errors.Add(new($"members[{i}]", "is not an agent id."));
                }
            }
        }

        return errors;
    }
}

public sealed class SaveQueueHandler(IQueueStore queues, IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SaveQueue, SavedQueue>
{
    public async ValueTask<SavedQueue> Handle(SaveQueue request, CancellationToken cancellationToken)
    {
        var (id, body) = (request.Id, request.Body);
        var existing = await queues.GetAsync(id, cancellationToken);
        var policy = existing?.Policy ?? QueuePolicy.RoundRobin;
        if (body.Policy is not null)
        {
            QueuePolicyText.TryParse(body.Policy, out policy);
        }

        var handover = existing?.Handover ?? HandoverPolicy.RequeueWhenOffline;
        if (body.Handover is not null)
        {
            HandoverPolicyText.TryParse(body.Handover, out handover);
        }

        var now = time.GetUtcNow();
        var name = body.Name?.Trim() ?? existing?.Name
            // Validated as an update; the queue is gone since (queues are not deleted, but say so rather than crash).
            ?? throw new RequestValidationException([new("name", "is required.")]);
        var settings = new QueueSettings(id, name, policy, handover, body.UnansweredTimeoutMinutes, [], existing?.CreatedAt ?? now, now)
        {
            // Left out (null) keeps what the queue had; "" removes it.
            SlaPolicy = body.SlaPolicy is null ? existing?.SlaPolicy : NullIfEmpty(body.SlaPolicy),
            Tier = body.Tier ?? existing?.Tier ?? QueueTiers.Default,
            EscalatesTo = body.EscalatesTo is null ? existing?.EscalatesTo : NullIfEmpty(body.EscalatesTo),
        };
        var result = await queues.SaveAsync(settings, body.Members, createOnly: false, request.ActorId, now, cancellationToken);
        if (result.Status == QueueSaveStatus.UnknownMember)
        {
            // Only the save itself can tell: members are checked in the same script that writes them.
            var index = body.Members!.ToList().IndexOf(result.UnknownMember!);
            throw new RequestValidationException([new($"members[{index}]", "no agent with this id.")]);
        }

        await publisher.PublishAsync(result.Changes, null, cancellationToken);
        // Members who joined or left see (or stop seeing) the queue's conversations on their open connections at once.
        foreach (var member in body.Members is null ? [] : (existing?.Members ?? []).Union(body.Members, StringComparer.Ordinal))
        {
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, member), cancellationToken);
        }

        var dto = QueueDto.From((await queues.GetAsync(id, cancellationToken))!, await assignments.ReadWaitingAsync(id, cancellationToken));
        return new SavedQueue(dto, result.Status == QueueSaveStatus.Created);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
