using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>GET /api/agents/me/presence</c>: the signed-in agent as assignment sees them.</summary>
public sealed record GetOwnPresence(string AgentId) : IRequest<PresenceDto>;

public sealed class GetOwnPresenceHandler(IAssignmentStore assignments, TimeProvider time) : IRequestHandler<GetOwnPresence, PresenceDto>
{
    public async ValueTask<PresenceDto> Handle(GetOwnPresence request, CancellationToken cancellationToken) =>
        await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken);
}
