using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>Web chat sites: admins manage them (<c>/api/sites</c>); the widget reads its public settings.</summary>
public static partial class SitesApi
{
    public const string DefaultKey = "default";
    private static readonly string[] PreChatModes = ["off", "optional", "required"];

    public static RouteGroupBuilder MapSitesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", async (ISiteStore sites, CancellationToken ct) => TypedResults.Ok((await sites.ListAsync(ct)).Select(ToDto).ToList()));
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

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static async Task<Results<Ok<SiteDto>, NotFound>> GetAsync(string key, ISiteStore sites, CancellationToken ct) =>
        Slugs.IsValid(key) && await sites.GetAsync(key, ct) is { } site ? TypedResults.Ok(ToDto(site)) : TypedResults.NotFound();

    private static async Task<Results<Created<SiteDto>, Ok<SiteDto>>> PutAsync(
        string key, SiteRequest request, ISiteStore sites, IQueueStore queues, IShiftStore shifts, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(key))
        {
            errors.Add(new("key", Slugs.Rule));
        }

        errors.AddRange(TextRules.Optional("title", request.Title, 100));
        errors.AddRange(TextRules.Optional("greeting", request.Greeting, 500, multiline: true));
        errors.AddRange(TextRules.Optional("offlineMessage", request.OfflineMessage, 500, multiline: true));
        if (request.Color is not null && !ColorPattern().IsMatch(request.Color))
        {
            errors.Add(new("color", "must be a hex colour such as #2563eb."));
        }

        if (request.Position is not null and not ("left" or "right"))
        {
            errors.Add(new("position", "must be 'left' or 'right'."));
        }

        foreach (var (field, value) in new[] { ("preChatName", request.PreChatName), ("preChatEmail", request.PreChatEmail) })
        {
            if (value is not null && !PreChatModes.Contains(value))
            {
                errors.Add(new(field, "must be 'off', 'optional' or 'required'."));
            }
        }

        for (var i = 0; i < (request.AllowedOrigins?.Count ?? 0); i++)
        {
            if (!Uri.TryCreate(request.AllowedOrigins![i], UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https")
                || origin.AbsolutePath != "/" || request.AllowedOrigins[i].EndsWith('/'))
            {
                errors.Add(new($"allowedOrigins[{i}]", "must be an origin such as https://www.example.com (scheme, host, optional port, no path)."));
            }
        }

        // Ids name keys: only well-formed ones are looked up ("default:members" once answered 500).
        var queueErrors = InputRules.Slug("queue", request.Queue, required: false).ToList();
        errors.AddRange(queueErrors);
        if (request.Queue is not null && queueErrors.Count == 0 && await queues.GetAsync(request.Queue, ct) is null)
        {
            errors.Add(new("queue", "no queue with this id."));
        }

        var shiftId = request.HoursShiftId is { Length: > 0 } given ? given : null;
        var shiftErrors = InputRules.Slug("hoursShiftId", shiftId, required: false).ToList();
        errors.AddRange(shiftErrors);
        if (shiftId is not null && shiftErrors.Count == 0 && await shifts.GetAsync(shiftId, ct) is null)
        {
            errors.Add(new("hoursShiftId", "no shift with this id."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var existing = await sites.GetAsync(key, ct);
        var site = existing ?? NewSite(key, now);
        site = site with
        {
            Title = request.Title?.Trim() ?? site.Title,
            Greeting = request.Greeting ?? site.Greeting,
            Color = request.Color ?? site.Color,
            Position = request.Position ?? site.Position,
            PreChatName = request.PreChatName ?? site.PreChatName,
            PreChatEmail = request.PreChatEmail ?? site.PreChatEmail,
            AllowedOrigins = request.AllowedOrigins ?? site.AllowedOrigins,
            Queue = request.Queue ?? site.Queue,
            HoursShiftId = request.HoursShiftId is null ? site.HoursShiftId : request.HoursShiftId.Length == 0 ? null : request.HoursShiftId,
            OfflineMessage = request.OfflineMessage ?? site.OfflineMessage,
            Secret = request.RotateSecret == true ? NewSecret() : site.Secret,
            UpdatedAt = now,
        };
        await sites.SaveAsync(site, createOnly: false, ct);
        return existing is null ? TypedResults.Created($"/api/sites/{key}", ToDto(site)) : TypedResults.Ok(ToDto(site));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex ColorPattern();
}
