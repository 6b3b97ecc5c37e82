using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary><c>POST /api/incidents</c>: leads and admins declare an outage; it starts open with no conversations.</summary>
public sealed record CreateIncident(string? Title, string? Description, string? TrackerUrl, string ActorId)
    : IRequest<string>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => IncidentRules.Validate(Title, Description, TrackerUrl);
}

public sealed class CreateIncidentHandler(IIncidentStore incidents, IPublisher publisher, TimeProvider time)
    : IRequestHandler<CreateIncident, string>
{
    public async ValueTask<string> Handle(CreateIncident request, CancellationToken cancellationToken)
    {
        var incident = new Incident(Ids.New(), request.Title!, request.Description ?? "", IncidentStatus.Open,
            time.GetUtcNow(), request.ActorId, null, string.IsNullOrEmpty(request.TrackerUrl) ? null : request.TrackerUrl, []);
        await incidents.CreateAsync(incident, cancellationToken);
        await publisher.Publish(new IncidentUpdated(incident.Id, request.ActorId), cancellationToken);
        return incident.Id;
    }
}
