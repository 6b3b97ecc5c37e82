using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Features.Sites;

/// <summary><c>GET /api/sites/{key}</c>: one site with its settings and secret.</summary>
public sealed record GetSite(string Key) : IRequest<Outcome<SiteDto>>;

public sealed class GetSiteHandler(ISiteStore sites) : IRequestHandler<GetSite, Outcome<SiteDto>>
{
    public async ValueTask<Outcome<SiteDto>> Handle(GetSite request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Key) && await sites.GetAsync(request.Key, cancellationToken) is { } site
            ? Outcome<SiteDto>.Found(SitesApi.ToDto(site))
            : Outcome<SiteDto>.NotFound;
}
