using Mediator;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Features.Sites;

/// <summary><c>GET /api/sites</c>: every web chat site with its settings and secret (admins only).</summary>
public sealed record ListSites : IRequest<List<SiteDto>>;

public sealed class ListSitesHandler(ISiteStore sites) : IRequestHandler<ListSites, List<SiteDto>>
{
    public async ValueTask<List<SiteDto>> Handle(ListSites request, CancellationToken cancellationToken) =>
        (await sites.ListAsync(cancellationToken)).Select(SitesApi.ToDto).ToList();
}
