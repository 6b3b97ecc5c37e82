namespace Omnichannel.Core.Assignment;

/// <summary>An agent with the conversations of the queue they hold (their other queues count only in OpenCount).</summary>
public sealed record AgentLoad(AgentState Agent, IReadOnlyList<HeldConversation> Conversations);
