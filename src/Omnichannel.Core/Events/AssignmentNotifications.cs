using Mediator;

namespace Omnichannel.Core.Events;

/// <summary>
/// Shifts were created, changed or deleted. <paramref name="AgentIds"/> are every agent whose schedule may have
/// changed (old and new members). The assignment engine recomputes their on-shift windows and drains their queues.
/// </summary>
public sealed record ShiftsChanged(IReadOnlyList<string> AgentIds, string? ActorId) : INotification;
