using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// The widget's HTTP side (anonymous, per-IP rate limited, origin checked): <c>GET /api/webchat/sites/{key}</c> for
/// its settings and <c>POST /api/webchat/sessions</c> to start or continue a visitor's chat.
/// </summary>
public static class WebChatSessionsApi
{
    public static RouteGroupBuilder MapWebChatApi(this RouteGroupBuilder group)
    {
        group.AllowAnonymous().RequireRateLimiting(WebChatRegistration.SessionLimit).RequireCors(WebChatRegistration.CorsPolicy);
        group.MapGet("/sites/{key}", GetSiteAsync);
        group.MapPost("/sessions", StartAsync).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(8 * 1024));
        return group;
    }

    private static async Task<Results<Ok<PublicSiteDto>, NotFound, ForbidHttpResult>> GetSiteAsync(string key, HttpRequest request, WebChatGate gate, CancellationToken ct)
    {
        if (await gate.SiteAsync(key, ct) is not { } site)
        {
            return TypedResults.NotFound();
        }

        return WebChatGate.OriginAllowed(request, site) ? TypedResults.Ok(SitesApi.ToPublic(site)) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound, ProblemHttpResult>> StartAsync(
        SessionRequest body, HttpRequest request, WebChatGate gate, VisitorTokens tokens, IConversationStore store, TimeProvider time, CancellationToken ct)
    {
        if (await gate.SiteAsync(body.Site, ct) is not { } site)
        {
            return TypedResults.NotFound();
        }

        if (!WebChatGate.OriginAllowed(request, site))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This page's origin may not use this site's chat.");
        }

        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Optional("name", body.Name, TextRules.MaxNameLength));
        var email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim();
        if (email is not null && (!IdentityRules.LooksLikeEmail(email) || email.Length > InputRules.MaxEmailLength))
        {
            errors.Add(new("email", "is not an email address."));
        }

        if (body.UserId is not null && (body.UserId.Length is 0 or > 200 || !VisitorTokens.VerifyUser(body.UserId, body.UserHash, site.Secret)))
        {
            errors.Add(new("userHash", "does not match userId (HMAC-SHA256 of the user id with the site's secret, in hex)."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        // Continue the visitor the token names (same site only); otherwise a new one.
        var visitor = tokens.TryRead(body.VisitorToken, out var known) && known.Site == site.Key
            ? known
            : new Visitor(site.Key, Ids.New(), null, null, null);
        visitor = visitor with
        {
            UserId = body.UserId ?? visitor.UserId,
            Name = string.IsNullOrWhiteSpace(body.Name) ? visitor.Name : body.Name.Trim(),
            Email = email ?? visitor.Email,
        };

        var conversationId = await store.FindThreadConversationAsync(ChannelNames.WebChat, site.Key, visitor.ThreadKey, ct);
        if (email is not null && conversationId is not null && await store.GetConversationAsync(conversationId, ct) is { } conversation)
        {
            // An email given later (the offline form) joins the contact, so replies can follow by email: claimed
            // unless the host site vouches for the user (userHash), never taking over whoever owns that address.
            var identity = IdentityRules.Normalize(new ContactIdentity(IdentityKinds.Email, email));
            _ = visitor.UserId is null
                ? await store.ClaimContactIdentityAsync(conversation.ContactId, identity, time.GetUtcNow(), ct)
                : await store.AddContactIdentityAsync(conversation.ContactId, identity, time.GetUtcNow(), ct);
        }

        var available = await gate.AgentsAvailableAsync(site, ct);
        return TypedResults.Ok(new SessionResponse(tokens.Issue(visitor), visitor.VisitorId, conversationId, available,
            available ? null : site.OfflineMessage, SitesApi.ToPublic(site)));
    }
}
