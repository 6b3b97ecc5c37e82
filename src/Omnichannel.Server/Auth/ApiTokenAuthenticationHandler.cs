using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer oc_…</c> API tokens against the token store; on hub paths also the
/// <c>access_token</c> query parameter, since browsers cannot set headers on WebSocket requests.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedToken(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokenSecrets.TryParse(presented, out var id, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API token.");
        }

        var token = await tokens.GetAsync(id, Context.RequestAborted);
        if (token is null || !ApiTokenSecrets.Matches(secret, token.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }

        Context.SetToken(token);
        var claims = new List<Claim> { new(InboxClaims.TokenId, token.Id), new(ClaimTypes.Name, token.Name) };
        claims.AddRange(token.Scopes.Select(s => new Claim(InboxClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>The token from the Authorization header, or from <c>access_token</c> on a hub path; null when none.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }
}
