using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Features.WebChat;

/// <summary>
/// <c>POST /api/webchat/sessions</c>: starts a visitor's chat, or continues the one their token names, and says whether
/// someone can answer now. An unknown site is a 404 and a refused page a 403 before the body is judged.
/// </summary>
public sealed record StartVisitorSession(SessionRequest Body, PageOrigin Page) : IRequest<Outcome<SessionResponse>>
{
    /// <summary>The email the visitor gave, trimmed; null when none.</summary>
    public string? Email => string.IsNullOrWhiteSpace(Body.Email) ? null : Body.Email.Trim();
}

/// <summary>The visitor's name and email, and that a host site's user id is signed with the site's secret.</summary>
public sealed class StartVisitorSessionValidator(WebChatGate gate) : IRequestValidator<StartVisitorSession>
{
    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(StartVisitorSession request, CancellationToken cancellationToken)
    {
        if (await gate.SiteAsync(request.Body.Site, cancellationToken) is not { } site || !WebChatGate.OriginAllowed(request.Page, site))
        {
            return [];
        }

        var body = request.Body;
        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Optional("name", body.Name, TextRules.MaxNameLength));
        if (request.Email is { } email && (!IdentityRules.LooksLikeEmail(email) || email.Length > InputRules.MaxEmailLength))
        {
            errors.Add(new("email", "is not an email address."));
        }

        if (body.UserId is not null && (body.UserId.Length is 0 or > 200 || !VisitorTokens.VerifyUser(body.UserId, body.UserHash, site.Secret)))
        {
            errors.Add(new("userHash", "does not match userId (HMAC-SHA256 of the user id with the site's secret, in hex)."));
        }

        return errors;
    }
}

public sealed class StartVisitorSessionHandler(WebChatGate gate, VisitorTokens tokens, IConversationStore store, TimeProvider time)
    : IRequestHandler<StartVisitorSession, Outcome<SessionResponse>>
{
    public async ValueTask<Outcome<SessionResponse>> Handle(StartVisitorSession request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        if (await gate.SiteAsync(body.Site, cancellationToken) is not { } site)
        {
            return Outcome<SessionResponse>.NotFound;
        }

        if (!WebChatGate.OriginAllowed(request.Page, site))
        {
            return Outcome<SessionResponse>.ForbiddenBecause("This page's origin may not use this site's chat.");
        }

        // Continue the visitor the token names (same site only); otherwise a new one.
        var email = request.Email;
        var visitor = tokens.TryRead(body.VisitorToken, out var known) && known.Site == site.Key
            ? known
            : new Visitor(site.Key, Ids.New(), null, null, null);
        visitor = visitor with
        {
            UserId = body.UserId ?? visitor.UserId,
            Name = string.IsNullOrWhiteSpace(body.Name) ? visitor.Name : body.Name.Trim(),
            Email = email ?? visitor.Email,
        };

        var conversationId = await store.FindThreadConversationAsync(ChannelNames.WebChat, site.Key, visitor.ThreadKey, cancellationToken);
        if (email is not null && conversationId is not null && await store.GetConversationAsync(conversationId, cancellationToken) is { } conversation)
        {
            // An email given later (the offline form) joins the contact, so replies can follow by email: claimed
            // unless the host site vouches for the user (userHash), never taking over whoever owns that address.
            var identity = IdentityRules.Normalize(new ContactIdentity(IdentityKinds.Email, email));
            _ = visitor.UserId is null
                ? await store.ClaimContactIdentityAsync(conversation.ContactId, identity, time.GetUtcNow(), cancellationToken)
                : await store.AddContactIdentityAsync(conversation.ContactId, identity, time.GetUtcNow(), cancellationToken);
        }

        var available = await gate.AgentsAvailableAsync(site, cancellationToken);
        return Outcome<SessionResponse>.Found(new SessionResponse(tokens.Issue(visitor), visitor.VisitorId, conversationId, available,
            available ? null : site.OfflineMessage, SitesApi.ToPublic(site)));
    }
}
