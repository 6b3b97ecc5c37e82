using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Queues;

/// <summary>A lead moving load: a bulk move between two agents, and a whole-queue rebalance.</summary>
internal static class QueueMovesApi
{
    public const int MaxMove = 500;
    private const int PlanAttempts = 3;

    public static async Task<Results<Ok<MovesResponse>, NotFound, ProblemHttpResult>> MoveAsync(
        string id, MoveRequest request, HttpContext http, IQueueStore queues, IAssignmentStore assignments, IAgentStore agents,
        IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        if (!Slugs.IsValid(id) || await queues.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new List<ValidationError>();
        if (request.From is null || !Ids.IsWellFormed(request.From) || await agents.GetAsync(request.From, ct) is null)
        {
            errors.Add(new("from", "must be the id of the agent whose conversations move."));
        }

        if (request.To is not null && (!Ids.IsWellFormed(request.To) || await agents.GetAsync(request.To, ct) is null))
        {
            errors.Add(new("to", "must be an agent id, or null to put the conversations back in the queue."));
        }

        if (request.To is not null && request.To == request.From)
        {
            errors.Add(new("to", "must differ from 'from'."));
        }

        if ((request.Count is null) == (request.ConversationIds is null))
        {
            errors.Add(new("count", "give either 'count' or 'conversationIds'."));
        }

        if (request.Count is < 1 or > MaxMove || request.ConversationIds is { Count: < 1 or > MaxMove })
        {
            errors.Add(new(request.Count is null ? "conversationIds" : "count", $"must move 1 to {MaxMove} conversations."));
        }

        errors.AddRange(TextRules.Optional("note", request.Note, TextRules.MaxNameLength));
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var held = await assignments.ReadHeldAsync(id, request.From!, ct);
        List<string> chosen;
        if (request.ConversationIds is { } ids)
        {
            var heldIds = held.Select(h => h.ConversationId).ToHashSet(StringComparer.Ordinal);
            var missing = ids.Select((c, i) => (c, i)).Where(x => !heldIds.Contains(x.c)).Select(x => new ValidationError($"conversationIds[{x.i}]", "is not an open conversation of this queue held by 'from'.")).ToList();
            if (missing.Count > 0)
            {
                throw new RequestValidationException(missing);
            }

            chosen = [.. ids.Distinct(StringComparer.Ordinal)];
        }
        else
        {
            chosen = [.. held.Where(h => !h.IsBeingTypedIn).Order(Comparer<HeldConversation>.Create(RebalancePlanner.LongestUnansweredFirst))
                .Take(request.Count!.Value).Select(h => h.ConversationId)];
        }

        var moves = chosen.Select(c => new RebalanceMove(c, request.From!, request.To ?? "")).ToList();
        var actor = http.CurrentAgent()!;
        var outcome = await assignments.MoveAsync(id, moves, AssignmentReasonNames.Rebalance, actor.Id, respectCapacity: true, request.Note, time.GetUtcNow(), ct);
        if (!outcome.Applied)
        {
            return Conflict(outcome);
        }

        await publisher.PublishAsync(outcome.Changes, actor.Id, ct);
        return TypedResults.Ok(new MovesResponse([.. outcome.Changes.Select(c => new MoveDto(c.ConversationId, c.From, c.To))], Applied: true));
    }

    public static async Task<Results<Ok<MovesResponse>, NotFound, ProblemHttpResult>> RebalanceAsync(
        string id, RebalanceRequest? request, HttpContext http, IQueueStore queues, IAssignmentStore assignments, IPublisher publisher, TimeProvider time, CancellationToken ct)
    {
        if (!Slugs.IsValid(id) || await queues.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var dryRun = request?.DryRun ?? true;
        var actor = http.CurrentAgent()!;
        MoveOutcome? last = null;
        for (var attempt = 0; attempt < PlanAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var runtime = await assignments.ReadAgentsAsync(id, null, now, ct);
            var loads = new List<AgentLoad>(runtime.Agents.Count);
            foreach (var agent in runtime.Agents)
            {
                loads.Add(new AgentLoad(agent.State, await assignments.ReadHeldAsync(id, agent.State.AgentId, ct)));
            }

            var plan = RebalancePlanner.Plan(loads);
            if (dryRun)
            {
                return TypedResults.Ok(new MovesResponse([.. plan.Select(m => new MoveDto(m.ConversationId, m.From, m.To))], Applied: false));
            }

            last = await assignments.MoveAsync(id, plan, AssignmentReasonNames.Rebalance, actor.Id, respectCapacity: true, null, now, ct);
            if (last.Applied)
            {
                await publisher.PublishAsync(last.Changes, actor.Id, ct);
                return TypedResults.Ok(new MovesResponse([.. last.Changes.Select(c => new MoveDto(c.ConversationId, c.From, c.To))], Applied: true));
            }
        }

        // The queue kept changing under the plan (agents replying, typing, resolving): nothing moved.
        return Conflict(last!);
    }

    private static ProblemHttpResult Conflict(MoveOutcome outcome) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The move no longer holds; nothing was moved.",
        detail: $"{outcome.ConflictId}: {outcome.Problem}");
}
