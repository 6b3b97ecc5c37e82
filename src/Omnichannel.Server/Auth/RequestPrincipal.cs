using Omnichannel.Core.Access;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Auth;

/// <summary>
/// The caller of this request as the store has it now: the cookie check loads the agent and the token handler loads
/// the token on every request, so <see cref="AccessRule"/> always judges current rights.
/// </summary>
public static class RequestPrincipal
{
    private const string TokenItemKey = "omnichannel.token";

    public static Principal? CurrentPrincipal(this HttpContext context) =>
        context.CurrentAgent() is { } agent ? Principal.For(agent)
        : context.Items.TryGetValue(TokenItemKey, out var token) && token is ApiToken apiToken ? Principal.For(apiToken)
        : null;

    internal static void SetToken(this HttpContext context, ApiToken token) => context.Items[TokenItemKey] = token;
}
