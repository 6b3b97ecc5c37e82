using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>PUT /api/agents/{id}/availability</c>: a lead sets someone's availability.</summary>
public sealed record SetAgentAvailability(string AgentId, string? Status, string ActorId) : IRequest<Outcome<PresenceDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => AvailabilityRules.Validate(Status);
}

public sealed class SetAgentAvailabilityHandler(IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SetAgentAvailability, Outcome<PresenceDto>>
{
    public async ValueTask<Outcome<PresenceDto>> Handle(SetAgentAvailability request, CancellationToken cancellationToken)
    {
        var availability = AvailabilityRules.Parse(request.Status);
        if (!Ids.IsWellFormed(request.AgentId))
        {
            return Outcome<PresenceDto>.NotFound;
        }

        var change = await assignments.SetAvailabilityAsync(request.AgentId, availability, request.ActorId, time.GetUtcNow(), cancellationToken);
        if (!change.Found)
        {
            return Outcome<PresenceDto>.NotFound;
        }

        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        return Outcome<PresenceDto>.Found(await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken));
    }
}
