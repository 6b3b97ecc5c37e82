using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Sla;

/// <summary>
/// The promises a queue makes: targets per priority, counted in working time. A queue names its policy; the deadlines a
/// policy gives a conversation are computed when a clock starts (<see cref="ConversationSla"/>) and stored.
/// </summary>
/// <param name="BusinessHours">
/// When the clocks run: a calendar in the shift model (weekly periods in a time zone, holidays as exceptions, one-off
/// extra periods; its members are unused). Null = around the clock.
/// </param>
/// <param name="WarnAtPercent">A warning fires once this share of a target is used (1–99); null = no warning.</param>
/// <param name="PauseWhilePending">The clocks stop while the conversation is pending or snoozed.</param>
public sealed record SlaPolicy(
    string Id,
    string Name,
    IReadOnlyDictionary<Priority, SlaTargets> Targets,
    Shift? BusinessHours,
    int? WarnAtPercent,
    bool PauseWhilePending)
{
    /// <summary>A breached promise moves the conversation one tier up (its queue's <c>escalatesTo</c>), once.</summary>
    public bool EscalateOnBreach { get; init; }

    public TimeSpan? Target(Priority priority, SlaTargetKind kind) =>
        Targets.TryGetValue(priority, out var targets) ? targets.For(kind) : null;
}
