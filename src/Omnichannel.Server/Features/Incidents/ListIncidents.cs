using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Incidents;

/// <summary><c>GET /api/incidents</c>: every incident, open and resolved, newest first, with its counts.</summary>
public sealed record ListIncidents(Principal? Principal) : IRequest<IReadOnlyList<IncidentSummaryDto>>;

public sealed class ListIncidentsHandler(IIncidentStore incidents, IncidentViews views)
    : IRequestHandler<ListIncidents, IReadOnlyList<IncidentSummaryDto>>
{
    public async ValueTask<IReadOnlyList<IncidentSummaryDto>> Handle(ListIncidents request, CancellationToken cancellationToken)
    {
        var all = await incidents.ListAsync(cancellationToken);
        return await Task.WhenAll(all.Select(i => views.SummaryAsync(i, request.Principal, cancellationToken)));
    }
}
