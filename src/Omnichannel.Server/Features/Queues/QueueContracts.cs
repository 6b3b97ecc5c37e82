using Omnichannel.Core.Assignment;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Queues;

/// <summary>
/// <c>PUT /api/queues/{id}</c>: every field optional on update; members, when given, replace the membership.
/// <c>slaPolicy</c> and <c>escalatesTo</c> name a policy and a queue; left out or null keeps them, <c>""</c> removes them.
/// </summary>
public sealed record QueueRequest(
    string? Name, string? Policy, string? Handover, IReadOnlyList<string>? Members, int? UnansweredTimeoutMinutes,
    string? SlaPolicy = null, string? Tier = null, string? EscalatesTo = null);

public sealed record QueueDto(
    string Id, string Name, string Policy, string Handover, IReadOnlyList<string> Members, int? UnansweredTimeoutMinutes,
    int Waiting, DateTimeOffset? OldestWaitingSince, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? SlaPolicy, string Tier, string? EscalatesTo)
{
    public static QueueDto From(QueueSettings q, WaitingSummary waiting) => new(
        q.Id, q.Name, QueuePolicyText.ToText(q.Policy), HandoverPolicyText.ToText(q.Handover), q.Members, q.UnansweredTimeoutMinutes,
        waiting.Count, waiting.OldestSince, q.CreatedAt, q.UpdatedAt, q.SlaPolicy, q.Tier, q.EscalatesTo);
}

public sealed record BoardMember(
    string Id,
    string Name,
    string Availability,
    bool Present,
    bool OnShift,
    string? CurrentShift,
    DateTimeOffset? ShiftEndsAt,
    bool Paused,
    int Open,
    int Capacity,
    DateTimeOffset? OldestUnansweredSince,
    DateTimeOffset? LastAssignedAt,
    bool Eligible,
    string? NotEligibleBecause);

public sealed record NextShiftDto(string ShiftId, string Name, DateTimeOffset StartsAt, IReadOnlyList<string> Members);

/// <summary>
/// A queue's board. <c>SlaAtRisk</c> and <c>SlaBreached</c> count its open conversations at risk and breached (docs/sla.md,
/// "On the board"); the two lists name them (at most 100 each), the at-risk ones nearest deadline first.
/// </summary>
public sealed record QueueBoard(
    QueueDto Queue,
    IReadOnlyList<BoardMember> Members,
    string? NextAgentId,
    int Waiting,
    double? OldestWaitingSeconds,
    int SlaAtRisk,
    IReadOnlyList<NextShiftDto> NextShifts,
    DateTimeOffset At,
    int SlaBreached,
    IReadOnlyList<string> SlaAtRiskConversations,
    IReadOnlyList<string> SlaBreachedConversations);

/// <summary><c>POST /api/queues/{id}/move</c>: from an agent to an agent (or null = back to the queue), a count or ids.</summary>
public sealed record MoveRequest(string? From, string? To, int? Count, IReadOnlyList<string>? ConversationIds, string? Note);

public sealed record RebalanceRequest(bool? DryRun);

public sealed record MoveDto(string ConversationId, string? From, string? To);

public sealed record MovesResponse(IReadOnlyList<MoveDto> Moves, bool Applied);
