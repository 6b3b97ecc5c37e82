using Mediator;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// <c>GET /api/queues/{id}/board</c>, the lead's board: every member as assignment sees them now, the queue's backlog,
/// where its open conversations stand against their SLA (at risk, breached), and the next shift.
/// </summary>
public sealed record ShowQueueBoard(string Id) : IRequest<Outcome<QueueBoard>>;

public sealed class ShowQueueBoardHandler(
    IQueueStore queues, IAssignmentStore assignments, IAgentStore agents, IShiftStore shifts, ISlaStore sla, TimeProvider time)
    : IRequestHandler<ShowQueueBoard, Outcome<QueueBoard>>
{
    private const int NextShiftCount = 3;
    private const int MaxWaitingRead = 5000;
    private const int MaxListed = 100;

    public async ValueTask<Outcome<QueueBoard>> Handle(ShowQueueBoard request, CancellationToken cancellationToken)
    {
        var id = request.Id;
        if (!Slugs.IsValid(id) || await queues.GetAsync(id, cancellationToken) is not { } queue)
        {
            return Outcome<QueueBoard>.NotFound;
        }

        var now = time.GetUtcNow();
        var runtime = await assignments.ReadAgentsAsync(id, null, now, cancellationToken);
        var waiting = await assignments.ReadWaitingAsync(id, cancellationToken);
        var allShifts = await shifts.ListAsync(cancellationToken);
        var members = new List<BoardMember>(runtime.Agents.Count);
        var open = new List<string>(await sla.WaitingAsync(id, MaxWaitingRead, cancellationToken));
        foreach (var agent in runtime.Agents)
        {
            var state = agent.State;
            var account = await agents.GetAsync(state.AgentId, cancellationToken);
            var current = allShifts.Where(s => s.Members.Contains(state.AgentId, StringComparer.Ordinal))
                .Select(s => (Shift: s, Window: ShiftCalendar.ActiveWindow(s, now)))
                .Where(x => x.Window is not null)
                .OrderByDescending(x => x.Window!.Value.End)
                .FirstOrDefault();
            var held = await assignments.ReadHeldAsync(id, state.AgentId, cancellationToken);
            open.AddRange(held.Select(h => h.ConversationId));
            members.Add(new BoardMember(
                state.AgentId,
                account?.Name ?? state.AgentId,
                AvailabilityText.ToText(state.Availability),
                state.IsPresent,
                state.OnShift,
                current.Shift?.Name,
                current.Window?.End,
                state.IsPaused,
                state.OpenCount,
                state.Capacity,
                held.Select(h => h.UnansweredSince).Where(t => t is not null).Min(),
                state.LastAssignedAt,
                agent.Ineligibility == Ineligibility.None,
                agent.Ineligibility == Ineligibility.None ? null : IneligibilityText.ToText(agent.Ineligibility)));
        }

        var memberIds = queue.Members.ToHashSet(StringComparer.Ordinal);
        var nextShifts = allShifts
            .Select(s => (Shift: s, Members: s.Members.Where(memberIds.Contains).ToList()))
            .Where(x => x.Members.Count > 0 && !ShiftCalendar.IsOn(x.Shift, now))
            .Select(x => (x.Shift, x.Members, Start: ShiftCalendar.NextBoundary(x.Shift, now)))
            .Where(x => x.Start is not null)
            .OrderBy(x => x.Start)
            .Take(NextShiftCount)
            .Select(x => new NextShiftDto(x.Shift.Id, x.Shift.Name, x.Start!.Value, x.Members))
            .ToList();

        var standing = SlaStanding.Of(await sla.LoadAsync([.. open.Distinct(StringComparer.Ordinal)], cancellationToken), now);
        return Outcome<QueueBoard>.Found(new QueueBoard(
            QueueDto.From(queue, waiting),
            [.. members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)],
            runtime.NextAgentId,
            waiting.Count,
            waiting.OldestSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : null,
            standing.AtRisk.Count,
            nextShifts,
            now,
            standing.Breached.Count,
            [.. standing.AtRisk.Take(MaxListed)],
            [.. standing.Breached.Take(MaxListed)]));
    }
}
