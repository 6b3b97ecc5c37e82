using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>GET /api/agents</c>: every account.</summary>
public sealed record ListAgents : IRequest<IReadOnlyList<AgentDto>>;

public sealed class ListAgentsHandler(IAgentStore agents) : IRequestHandler<ListAgents, IReadOnlyList<AgentDto>>
{
    public async ValueTask<IReadOnlyList<AgentDto>> Handle(ListAgents request, CancellationToken cancellationToken) =>
        [.. (await agents.ListAsync(cancellationToken)).Select(AgentDto.From)];
}
