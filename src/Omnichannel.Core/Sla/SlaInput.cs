using Omnichannel.Core.Model;

namespace Omnichannel.Core.Sla;

/// <summary>One change to a conversation, at the time the store recorded it.</summary>
/// <param name="Status">The new status (<see cref="SlaInputKind.StatusChanged"/> only).</param>
/// <param name="Priority">The new priority (<see cref="SlaInputKind.PriorityChanged"/> only).</param>
public sealed record SlaInput(SlaInputKind Kind, DateTimeOffset At, ConversationStatus? Status = null, Priority? Priority = null);
