namespace Omnichannel.Core.Ports;

public sealed record QueueAgents(string? NextAgentId, IReadOnlyList<AgentRuntime> Agents);
