using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>PUT /api/agents/{id}/capacity</c>: how many open conversations assignment gives the agent.</summary>
public sealed record SetAgentCapacity(string AgentId, int? Capacity, string ActorId) : IRequest<Outcome<PresenceDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() =>
        Capacity is not { } capacity || capacity < 0 || capacity > AgentsApi.MaxCapacity
            ? [new("capacity", $"must be 0 to {AgentsApi.MaxCapacity}.")]
            : [];
}

public sealed class SetAgentCapacityHandler(IAssignmentStore assignments, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SetAgentCapacity, Outcome<PresenceDto>>
{
    public async ValueTask<Outcome<PresenceDto>> Handle(SetAgentCapacity request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.AgentId))
        {
            return Outcome<PresenceDto>.NotFound;
        }

        var change = await assignments.SetCapacityAsync(request.AgentId, request.Capacity!.Value, request.ActorId, time.GetUtcNow(), cancellationToken);
        if (!change.Found)
        {
            return Outcome<PresenceDto>.NotFound;
        }

        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        return Outcome<PresenceDto>.Found(await PresenceReader.ReadAsync(request.AgentId, assignments, time, cancellationToken));
    }
}
