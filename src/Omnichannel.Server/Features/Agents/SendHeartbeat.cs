using Mediator;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>POST /api/agents/me/heartbeat</c>: keeps the signed-in agent present without a hub connection.</summary>
public sealed record SendHeartbeat(string AgentId) : IRequest<PresenceDto>;

public sealed class SendHeartbeatHandler(IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SendHeartbeat, PresenceDto>
{
    public async ValueTask<PresenceDto> Handle(SendHeartbeat request, CancellationToken cancellationToken)
    {
        var change = await assignments.HeartbeatAsync(request.AgentId, time.GetUtcNow(), cancellationToken);
        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        return await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken);
    }
}
