namespace Omnichannel.Core.Assignment;

/// <summary>An unassigned conversation waiting in a queue.</summary>
/// <param name="WaitingSince">When it started waiting for an agent.</param>
/// <param name="SlaDeadline">When its SLA is breached; null = no deadline.</param>
public sealed record WaitingConversation(string ConversationId, DateTimeOffset WaitingSince, DateTimeOffset? SlaDeadline);
