using Mediator;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// <c>POST /api/queues/{id}/move</c>: a lead moves load from an agent to an agent (or back to the queue), a count of
/// the longest unanswered or the conversations named.
/// </summary>
public sealed record MoveConversations(string QueueId, MoveRequest Body, string ActorId) : IRequest<Outcome<MovesResponse>>;

/// <summary>Both agents must exist, and named conversations must be the sender's in this queue.</summary>
public sealed class MoveConversationsValidator(IQueueStore queues, IAssignmentStore assignments, IAgentStore agents)
    : IRequestValidator<MoveConversations>
{
    public const int MaxMove = 500;

    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(MoveConversations request, CancellationToken cancellationToken)
    {
        // An unknown queue is a 404 from the handler, whatever the body says.
        if (!Slugs.IsValid(request.QueueId) || await queues.GetAsync(request.QueueId, cancellationToken) is null)
        {
            return [];
        }

        var body = request.Body;
        var errors = new List<ValidationError>();
        if (body.From is null || !Ids.IsWellFormed(body.From) || await agents.GetAsync(body.From, cancellationToken) is null)
        {
            errors.Add(new("from", "must be the id of the agent whose conversations move."));
        }

        if (body.To is not null && (!Ids.IsWellFormed(body.To) || await agents.GetAsync(body.To, cancellationToken) is null))
        {
            errors.Add(new("to", "must be an agent id, or null to put the conversations back in the queue."));
        }

        if (body.To is not null && body.To == body.From)
        {
            errors.Add(new("to", "must differ from 'from'."));
        }

        if ((body.Count is null) == (body.ConversationIds is null))
        {
            errors.Add(new("count", "give either 'count' or 'conversationIds'."));
        }

        if (body.Count is < 1 or > MaxMove || body.ConversationIds is { Count: < 1 or > MaxMove })
        {
            errors.Add(new(body.Count is null ? "conversationIds" : "count", $"must move 1 to {MaxMove} conversations."));
        }

        errors.AddRange(TextRules.Optional("note", body.Note, TextRules.MaxNameLength));
        if (errors.Count > 0 || body.ConversationIds is not { } ids)
        {
            return errors;
        }

        var held = (await assignments.ReadHeldAsync(request.QueueId, body.From!, cancellationToken))
            .Select(h => h.ConversationId).ToHashSet(StringComparer.Ordinal);
        return [.. ids.Select((c, i) => (c, i)).Where(x => !held.Contains(x.c))
            .Select(x => new ValidationError($"conversationIds[{x.i}]", "is not an open conversation of this queue held by 'from'."))];
    }
}

public sealed class MoveConversationsHandler(IQueueStore queues, IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<MoveConversations, Outcome<MovesResponse>>
{
    public async ValueTask<Outcome<MovesResponse>> Handle(MoveConversations request, CancellationToken cancellationToken)
    {
        var (id, body) = (request.QueueId, request.Body);
        if (!Slugs.IsValid(id) || await queues.GetAsync(id, cancellationToken) is null)
        {
            return Outcome<MovesResponse>.NotFound;
        }

        List<string> chosen;
        if (body.ConversationIds is { } ids)
        {
            // Checked by the validator; the move script checks again that each is still held.
            chosen = [.. ids.Distinct(StringComparer.Ordinal)];
        }
        else
        {
            var held = await assignments.ReadHeldAsync(id, body.From!, cancellationToken);
            chosen = [.. held.Where(h => !h.IsBeingTypedIn).Order(Comparer<HeldConversation>.Create(RebalancePlanner.LongestUnansweredFirst))
                .Take(body.Count!.Value).Select(h => h.ConversationId)];
        }

        var moves = chosen.Select(c => new RebalanceMove(c, body.From!, body.To ?? "")).ToList();
        var outcome = await assignments.MoveAsync(
            id, moves, AssignmentReasonNames.Rebalance, request.ActorId, respectCapacity: true, body.Note, time.GetUtcNow(), cancellationToken);
        if (!outcome.Applied)
        {
            return QueueMoveConflict.From(outcome);
        }

        await publisher.PublishAsync(outcome.Changes, request.ActorId, cancellationToken);
        return Outcome<MovesResponse>.Found(new MovesResponse([.. outcome.Changes.Select(c => new MoveDto(c.ConversationId, c.From, c.To))], Applied: true));
    }
}
