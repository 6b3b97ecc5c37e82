using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>PUT /api/incidents/{id}</c>: leads and admins change the title, the description and the tracker URL (null
/// removes it), open or resolved. The links and the status change only through their own routes.
/// </summary>
public sealed record UpdateIncident(string Id, string? Title, string? Description, string? TrackerUrl, Principal? Principal, string ActorId)
    : IRequest<Outcome<IncidentDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => IncidentRules.Validate(Title, Description, TrackerUrl);
}

public sealed class UpdateIncidentHandler(IIncidentStore incidents, IncidentViews views, IPublisher publisher, TimeProvider time)
    : IRequestHandler<UpdateIncident, Outcome<IncidentDto>>
{
    public async ValueTask<Outcome<IncidentDto>> Handle(UpdateIncident request, CancellationToken cancellationToken)
    {
        var tracker = string.IsNullOrEmpty(request.TrackerUrl) ? null : request.TrackerUrl;
        if (!await incidents.UpdateAsync(request.Id, request.Title!, request.Description ?? "", tracker, request.ActorId, time.GetUtcNow(), cancellationToken)
            || await incidents.GetAsync(request.Id, cancellationToken) is not { } incident)
        {
            return Outcome<IncidentDto>.NotFound;
        }

        await publisher.Publish(new IncidentUpdated(request.Id, request.ActorId), cancellationToken);
        return Outcome<IncidentDto>.Found(await views.DetailAsync(incident, request.Principal, cancellationToken));
    }
}
