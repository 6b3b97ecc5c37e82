using Microsoft.AspNetCore.Cors.Infrastructure;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>CORS for the widget's endpoints: only origins some site allows (the server's own needs no CORS).</summary>
internal sealed class SiteOriginsCorsPolicyProvider(ISiteStore sites) : ICorsPolicyProvider
{
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != WebChatRegistration.CorsPolicy)
        {
            return null;
        }

        var origins = (await sites.ListAsync(context.RequestAborted)).SelectMany(s => s.AllowedOrigins).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new CorsPolicyBuilder().WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST").AllowCredentials().Build();
    }
}
