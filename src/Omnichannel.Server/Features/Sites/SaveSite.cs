using System.Text.RegularExpressions;
using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Features.Sites;

/// <summary><c>PUT /api/sites/{key}</c>: creates the site or changes the fields given; <c>rotateSecret</c> makes a new secret.</summary>
public sealed record SaveSite(string Key, SiteRequest Body) : IRequest<SavedSite>;

/// <summary>The site as saved, and whether this request created it.</summary>
public sealed record SavedSite(SiteDto Site, bool Created);

/// <summary>The settings, and the queue and hours shift they name, in one list.</summary>
public sealed partial class SaveSiteValidator(IQueueStore queues, IShiftStore shifts) : IRequestValidator<SaveSite>
{
    private static readonly string[] PreChatModes = ["off", "optional", "required"];

    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SaveSite request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(request.Key))
        {
            errors.Add(new("key", Slugs.Rule));
        }

        errors.AddRange(TextRules.Optional("title", body.Title, 100));
        errors.AddRange(TextRules.Optional("greeting", body.Greeting, 500, multiline: true));
        errors.AddRange(TextRules.Optional("offlineMessage", body.OfflineMessage, 500, multiline: true));
        if (body.Color is not null && !ColorPattern().IsMatch(body.Color))
        {
            errors.Add(new("color", "must be a hex colour such as #2563eb."));
        }

        if (body.Position is not null and not ("left" or "right"))
        {
            errors.Add(new("position", "must be 'left' or 'right'."));
        }

        foreach (var (field, value) in new[] { ("preChatName", body.PreChatName), ("preChatEmail", body.PreChatEmail) })
        {
            if (value is not null && !PreChatModes.Contains(value))
            {
                errors.Add(new(field, "must be 'off', 'optional' or 'required'."));
            }
        }

        for (var i = 0; i < (body.AllowedOrigins?.Count ?? 0); i++)
        {
            if (!Uri.TryCreate(body.AllowedOrigins![i], UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https")
                || origin.AbsolutePath != "/" || body.AllowedOrigins[i].EndsWith('/'))
            {
                errors.Add(new($"allowedOrigins[{i}]", "must be an origin such as https://www.example.com (scheme, host, optional port, no path)."));
            }
        }

        // Ids name keys: only well-formed ones are looked up ("default:members" once answered 500).
        var queueErrors = InputRules.Slug("queue", body.Queue, required: false).ToList();
        errors.AddRange(queueErrors);
        if (body.Queue is not null && queueErrors.Count == 0 && await queues.GetAsync(body.Queue, cancellationToken) is null)
        {
            errors.Add(new("queue", "no queue with this id."));
        }

        var shiftId = body.HoursShiftId is { Length: > 0 } given ? given : null;
        var shiftErrors = InputRules.Slug("hoursShiftId", shiftId, required: false).ToList();
        errors.AddRange(shiftErrors);
        if (shiftId is not null && shiftErrors.Count == 0 && await shifts.GetAsync(shiftId, cancellationToken) is null)
        {
            errors.Add(new("hoursShiftId", "no shift with this id."));
        }

        return errors;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex ColorPattern();
}

public sealed class SaveSiteHandler(ISiteStore sites, TimeProvider time) : IRequestHandler<SaveSite, SavedSite>
{
    public async ValueTask<SavedSite> Handle(SaveSite request, CancellationToken cancellationToken)
    {
        var (key, body) = (request.Key, request.Body);
        var now = time.GetUtcNow();
        var existing = await sites.GetAsync(key, cancellationToken);
        var site = existing ?? SitesApi.NewSite(key, now);
        site = site with
        {
            Title = body.Title?.Trim() ?? site.Title,
            Greeting = body.Greeting ?? site.Greeting,
            Color = body.Color ?? site.Color,
            Position = body.Position ?? site.Position,
            PreChatName = body.PreChatName ?? site.PreChatName,
            PreChatEmail = body.PreChatEmail ?? site.PreChatEmail,
            AllowedOrigins = body.AllowedOrigins ?? site.AllowedOrigins,
            Queue = body.Queue ?? site.Queue,
            HoursShiftId = body.HoursShiftId is null ? site.HoursShiftId : body.HoursShiftId.Length == 0 ? null : body.HoursShiftId,
            OfflineMessage = body.OfflineMessage ?? site.OfflineMessage,
            Secret = body.RotateSecret == true ? SitesApi.NewSecret() : site.Secret,
            UpdatedAt = now,
        };
        await sites.SaveAsync(site, createOnly: false, cancellationToken);
        return new SavedSite(SitesApi.ToDto(site), Created: existing is null);
    }
}
