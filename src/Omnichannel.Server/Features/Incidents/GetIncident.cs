using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Incidents;

/// <summary><c>GET /api/incidents/{id}</c>: the incident with each linked conversation the caller may see, as it is now.</summary>
public sealed record GetIncident(string Id, Principal? Principal) : IRequest<Outcome<IncidentDto>>;

public sealed class GetIncidentHandler(IIncidentStore incidents, IncidentViews views) : IRequestHandler<GetIncident, Outcome<IncidentDto>>
{
    public async ValueTask<Outcome<IncidentDto>> Handle(GetIncident request, CancellationToken cancellationToken) =>
        await incidents.GetAsync(request.Id, cancellationToken) is { } incident
            ? Outcome<IncidentDto>.Found(await views.DetailAsync(incident, request.Principal, cancellationToken))
            : Outcome<IncidentDto>.NotFound;
}
