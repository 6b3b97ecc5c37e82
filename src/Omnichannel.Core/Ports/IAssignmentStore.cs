using Omnichannel.Core.Assignment;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Ports;

/// <summary>
/// The live side of assignment: agents' availability, presence, pause, capacity and on-shift windows, and the atomic
/// operations that assign (drain, handover, unanswered timeout, moves). Each operation selects and writes in one
/// store script, so two nodes never double-assign or push an agent past capacity; every change that can free
/// capacity or make an agent eligible drains the agent's queues in the same script.
/// </summary>
public interface IAssignmentStore
{
    /// <summary>Sets online / busy / offline. Online and busy also count as a heartbeat; offline ends presence.</summary>
    Task<PresenceChange> SetAvailabilityAsync(string agentId, Availability availability, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The agent is present for <see cref="Presence.Lifetime"/> from now (a heartbeat or a live connection's ping).</summary>
    Task<PresenceChange> HeartbeatAsync(string agentId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The agent's last live connection closed: presence ends now.</summary>
    Task<PresenceChange> LeaveAsync(string agentId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<PresenceChange> SetPausedAsync(string agentId, bool paused, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<PresenceChange> SetCapacityAsync(string agentId, int capacity, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Replaces the agent's on-shift windows (merged, non-overlapping, from every shift they are a member of).</summary>
    Task<PresenceChange> SetShiftWindowsAsync(string agentId, IReadOnlyList<ShiftWindow> windows, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Assigns the queues' waiting conversations, oldest first, while someone is eligible.</summary>
    Task<IReadOnlyList<AssignmentChange>> DrainAsync(IReadOnlyList<string> queueIds, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Applies the queue's handover policy to its off-shift members (or only <paramref name="agentId"/>), then drains it.</summary>
    Task<IReadOnlyList<AssignmentChange>> HandoverAsync(string queueId, string? agentId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Reassigns conversations whose assignee has not answered within their queue's unanswered timeout.</summary>
    Task<IReadOnlyList<AssignmentChange>> ReassignUnansweredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Applies all moves or none: none when any no longer holds (see <see cref="MoveOutcome"/>).</summary>
    Task<MoveOutcome> MoveAsync(string queueId, IReadOnlyList<RebalanceMove> moves, string reason, string actorId, bool respectCapacity, string? note, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The queue's members (or the given agents) as assignment sees them now, and who would get the next conversation.</summary>
    /// <summary>
    /// Moves a conversation to its queue's escalation queue (<paramref name="up"/>) or back to the queue it came from,
    /// assigned there by the normal rules but never to the agent it left; null when there is no such conversation. The
    /// reason <paramref name="note"/> is recorded with the move and left, in the same write, as the private note
    /// <paramref name="privateNote"/> (its author is the actor). <paramref name="owedForBreach"/>: the escalation an SLA
    /// breach is owed (<see cref="ISlaStore.EscalationsOwedAsync"/>), done only while owed and owed no more after this.
    /// </summary>
    Task<EscalationOutcome?> EscalateAsync(
        string conversationId, bool up, string actorId, string? note, OutboundMessage? privateNote, DateTimeOffset now,
        bool owedForBreach = false, CancellationToken cancellationToken = default);

    Task<QueueAgents> ReadAgentsAsync(string queueId, IReadOnlyList<string>? agentIds, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The agent's open conversations of the queue, with what rebalancing needs to know about each.</summary>
    Task<IReadOnlyList<HeldConversation>> ReadHeldAsync(string queueId, string agentId, CancellationToken cancellationToken = default);

    Task<WaitingSummary> ReadWaitingAsync(string queueId, CancellationToken cancellationToken = default);

    /// <summary>The agent is typing in the conversation: rebalancing leaves it alone for <paramref name="lifetime"/>.</summary>
    Task MarkTypingAsync(string conversationId, string agentId, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Agents whose presence ran out in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    Task<IReadOnlyList<string>> ExpiredPresenceAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken = default);

    /// <summary>Takes a lease for a job that must run on one node only (a shift boundary); false when another node holds it.</summary>
    Task<bool> TryLeaseAsync(string job, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default);
}
