namespace Omnichannel.Core.Ports;

/// <summary>
/// A conversation moved a tier up or down (<see cref="Applied"/>), with the assignments that made; or refused with
/// <see cref="Problem"/>: <c>resolved</c>, <c>no-escalation</c> (its queue escalates nowhere), <c>not-escalated</c>
/// (nothing to return to), <c>queue-gone</c>. <see cref="Note"/> is the private note the move left, written with it.
/// </summary>
public sealed record EscalationOutcome(
    bool Applied, string? Problem, string? FromQueue, string? ToQueue, string? Tier, long Sequence, IReadOnlyList<AssignmentChange> Changes)
{
    public AppendResult? Note { get; init; }

    public static EscalationOutcome Refused(string problem) => new(false, problem, null, null, null, 0, []);
}
