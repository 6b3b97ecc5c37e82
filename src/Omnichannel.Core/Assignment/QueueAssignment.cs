namespace Omnichannel.Core.Assignment;

/// <summary>One conversation handed to one agent.</summary>
public sealed record QueueAssignment(string ConversationId, string AgentId);
