namespace Omnichannel.Core.Assignment;

/// <summary>Who gets a conversation that a customer's message reopened.</summary>
/// <param name="ReturnedToLastAgent">True: reason <c>reopened</c>; false: the queue's policy chose (reason = the policy).</param>
public sealed record ReopenDecision(string AgentId, bool ReturnedToLastAgent);
