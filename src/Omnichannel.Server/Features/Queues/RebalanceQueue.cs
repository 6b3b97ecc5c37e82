using Mediator;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// <c>POST /api/queues/{id}/rebalance</c>: evens out a queue's open conversations between its eligible members; a
/// dry run (the default) only shows the plan.
/// </summary>
public sealed record RebalanceQueue(string QueueId, bool DryRun, string ActorId) : IRequest<Outcome<MovesResponse>>;

public sealed class RebalanceQueueHandler(IQueueStore queues, IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<RebalanceQueue, Outcome<MovesResponse>>
{
    private const int PlanAttempts = 3;

    public async ValueTask<Outcome<MovesResponse>> Handle(RebalanceQueue request, CancellationToken cancellationToken)
    {
        var id = request.QueueId;
        if (!Slugs.IsValid(id) || await queues.GetAsync(id, cancellationToken) is null)
        {
            return Outcome<MovesResponse>.NotFound;
        }

        MoveOutcome? last = null;
        for (var attempt = 0; attempt < PlanAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var runtime = await assignments.ReadAgentsAsync(id, null, now, cancellationToken);
            var loads = new List<AgentLoad>(runtime.Agents.Count);
            foreach (var agent in runtime.Agents)
            {
                loads.Add(new AgentLoad(agent.State, await assignments.ReadHeldAsync(id, agent.State.AgentId, cancellationToken)));
            }

            var plan = RebalancePlanner.Plan(loads);
            if (request.DryRun)
            {
                return Outcome<MovesResponse>.Found(new MovesResponse([.. plan.Select(m => new MoveDto(m.ConversationId, m.From, m.To))], Applied: false));
            }

            last = await assignments.MoveAsync(id, plan, AssignmentReasonNames.Rebalance, request.ActorId, respectCapacity: true, null, now, cancellationToken);
            if (last.Applied)
            {
                await publisher.PublishAsync(last.Changes, request.ActorId, cancellationToken);
                return Outcome<MovesResponse>.Found(new MovesResponse([.. last.Changes.Select(c => new MoveDto(c.ConversationId, c.From, c.To))], Applied: true));
            }
        }

        // The queue kept changing under the plan (agents replying, typing, resolving): nothing moved.
        return QueueMoveConflict.From(last!);
    }
}
