using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Agents;

/// <summary>
/// <c>POST /api/agents/{id}/pause</c> and <c>/resume</c>: a paused agent keeps their conversations and gets no new
/// ones.
/// </summary>
public sealed record PauseAgent(string AgentId, bool Paused, string ActorId) : IRequest<Outcome<PresenceDto>>;

public sealed class PauseAgentHandler(IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<PauseAgent, Outcome<PresenceDto>>
{
    public async ValueTask<Outcome<PresenceDto>> Handle(PauseAgent request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.AgentId))
        {
            return Outcome<PresenceDto>.NotFound;
        }

        var change = await assignments.SetPausedAsync(request.AgentId, request.Paused, request.ActorId, time.GetUtcNow(), cancellationToken);
        if (!change.Found)
        {
            return Outcome<PresenceDto>.NotFound;
        }

        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        return Outcome<PresenceDto>.Found(await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken));
    }
}
