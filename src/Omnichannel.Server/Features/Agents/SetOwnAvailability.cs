using Mediator;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>PUT /api/agents/me/availability</c>: the signed-in agent goes online, busy or offline.</summary>
public sealed record SetOwnAvailability(string AgentId, string? Status) : IRequest<PresenceDto>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => AvailabilityRules.Validate(Status);
}

public sealed class SetOwnAvailabilityHandler(IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SetOwnAvailability, PresenceDto>
{
    public async ValueTask<PresenceDto> Handle(SetOwnAvailability request, CancellationToken cancellationToken)
    {
        var availability = AvailabilityRules.Parse(request.Status);
        var change = await assignments.SetAvailabilityAsync(request.AgentId, availability, request.AgentId, time.GetUtcNow(), cancellationToken);
        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        return await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken);
    }
}
