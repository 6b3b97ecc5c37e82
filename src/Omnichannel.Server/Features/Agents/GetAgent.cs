using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>GET /api/agents/{id}</c>: one account.</summary>
public sealed record GetAgent(string Id) : IRequest<Outcome<AgentDto>>;

public sealed class GetAgentHandler(IAgentStore agents) : IRequestHandler<GetAgent, Outcome<AgentDto>>
{
    public async ValueTask<Outcome<AgentDto>> Handle(GetAgent request, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(request.Id) && await agents.GetAsync(request.Id, cancellationToken) is { } agent
            ? Outcome<AgentDto>.Found(AgentDto.From(agent))
            : Outcome<AgentDto>.NotFound;
}
