using Mediator;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Features.WebChat;

/// <summary><c>GET /api/webchat/sites/{key}</c>: the public settings the widget shows, for an allowed page only.</summary>
public sealed record GetWidgetSite(string Key, PageOrigin Page) : IRequest<Outcome<PublicSiteDto>>;

public sealed class GetWidgetSiteHandler(WebChatGate gate) : IRequestHandler<GetWidgetSite, Outcome<PublicSiteDto>>
{
    public async ValueTask<Outcome<PublicSiteDto>> Handle(GetWidgetSite request, CancellationToken cancellationToken)
    {
        if (await gate.SiteAsync(request.Key, cancellationToken) is not { } site)
        {
            return Outcome<PublicSiteDto>.NotFound;
        }

        return WebChatGate.OriginAllowed(request.Page, site) ? Outcome<PublicSiteDto>.Found(SitesApi.ToPublic(site)) : Outcome<PublicSiteDto>.Forbidden;
    }
}
