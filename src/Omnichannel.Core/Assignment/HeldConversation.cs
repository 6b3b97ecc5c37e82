namespace Omnichannel.Core.Assignment;

/// <summary>An open conversation of the queue being rebalanced, held by one agent.</summary>
/// <param name="UnansweredSince">The customer's oldest message the agent has not answered yet; null = nothing unanswered.</param>
/// <param name="IsBeingTypedIn">The agent is typing a reply in it right now: it never moves.</param>
public sealed record HeldConversation(string ConversationId, DateTimeOffset? UnansweredSince, bool IsBeingTypedIn);
