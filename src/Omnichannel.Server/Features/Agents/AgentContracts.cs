using Omnichannel.Core.Model;

namespace Omnichannel.Server.Features.Agents;

/// <summary>An agent as the API shows it: never the password hash.</summary>
public sealed record AgentDto(string Id, string Email, string Name, AgentRole Role, int Capacity, IReadOnlyList<string> Queues, DateTimeOffset CreatedAt)
{
    public static AgentDto From(Agent agent) => new(agent.Id, agent.Email, agent.Name, agent.Role, agent.Capacity, agent.Queues, agent.CreatedAt);
}

public sealed record CreateAgentRequest(string? Email, string? Name, string? Password, AgentRole? Role, int? Capacity, IReadOnlyList<string>? Queues);

public sealed record UpdateAgentRequest(string? Name, AgentRole? Role, int? Capacity, IReadOnlyList<string>? Queues, string? Password);
