using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>The checks every visitor request passes: the site exists, the page's origin is allowed, and who can answer now.</summary>
public sealed class WebChatGate(ISiteStore sites, IAssignmentStore assignments, IShiftStore shifts, TimeProvider time)
{
    /// <summary>
    /// A browser request's Origin must be the server's own or one of the site's allowed origins. Requests without an
    /// Origin header (not from a browser page) pass: the token, not the origin, is what protects a conversation.
    /// </summary>
    public static bool OriginAllowed(HttpRequest request, Site site) => OriginAllowed(PageOrigin.Of(request), site);

    public static bool OriginAllowed(PageOrigin page, Site site) =>
        page.Origin.Length == 0
        || string.Equals(page.Origin, page.Own, StringComparison.OrdinalIgnoreCase)
        || site.AllowedOrigins.Contains(page.Origin, StringComparer.OrdinalIgnoreCase);

    public async Task<Site?> SiteAsync(string? key, CancellationToken ct) =>
        Slugs.IsValid(key) ? await sites.GetAsync(key, ct) : null;

    /// <summary>Someone can answer now: within the site's hours (if set) and an agent of its queue is eligible.</summary>
    public async Task<bool> AgentsAvailableAsync(Site site, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (site.HoursShiftId is { } shiftId && await shifts.GetAsync(shiftId, ct) is { } hours && !ShiftCalendar.IsOn(hours, now))
        {
            return false;
        }

        return (await assignments.ReadAgentsAsync(site.Queue, null, now, ct)).NextAgentId is not null;
    }
}
