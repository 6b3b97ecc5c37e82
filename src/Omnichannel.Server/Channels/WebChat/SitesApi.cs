using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features;
using Omnichannel.Server.Features.Sites;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Web chat sites: admins manage them (<c>/api/sites</c>, the use cases in <c>Features/Sites</c>); the widget reads
/// its public settings.
/// </summary>
public static class SitesApi
{
    public const string DefaultKey = "default";

    public static RouteGroupBuilder MapSitesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListSites(), ct)));
        group.MapGet("/{key}", GetAsync);
        group.MapPut("/{key}", PutAsync);
        return group;
    }

    public static Site NewSite(string key, DateTimeOffset now) => new(
        key, "Chat with us", "Hi! How can we help?", "#2563eb", "right", "off", "optional", [], "default", null,
        "We're away right now. Leave your email and we'll answer as soon as we're back.", NewSecret(), now, now);

    public static SiteDto ToDto(Site s) => new(s.Key, s.Title, s.Greeting, s.Color, s.Position, s.PreChatName, s.PreChatEmail,
        s.AllowedOrigins, s.Queue, s.HoursShiftId, s.OfflineMessage, s.Secret, s.CreatedAt, s.UpdatedAt);

    public static PublicSiteDto ToPublic(Site s) => new(s.Key, s.Title, s.Greeting, s.Color, s.Position, s.PreChatName, s.PreChatEmail);

    internal static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static async Task<Results<Ok<SiteDto>, NotFound>> GetAsync(string key, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetSite(key), ct) is { Refusal: Refusal.None, Value: { } site } ? TypedResults.Ok(site) : TypedResults.NotFound();

    private static async Task<Results<Created<SiteDto>, Ok<SiteDto>>> PutAsync(string key, SiteRequest request, IMediator mediator, CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveSite(key, request), ct);
        return saved.Created ? TypedResults.Created($"/api/sites/{key}", saved.Site) : TypedResults.Ok(saved.Site);
    }
}
