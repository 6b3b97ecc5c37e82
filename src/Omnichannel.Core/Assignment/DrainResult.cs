namespace Omnichannel.Core.Assignment;

/// <summary>The assignments made, in order, and the agents afterwards (same order as given).</summary>
public sealed record DrainResult(IReadOnlyList<QueueAssignment> Assignments, IReadOnlyList<AgentState> Agents);
