using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

public static class WebChatRegistration
{
    public const string CorsPolicy = "webchat";
    public const string SessionLimit = "webchat-sessions";
    public const string VisitorHubPath = "/hubs/visitor";

    /// <summary>Per client address: session starts and settings reads per minute.</summary>
    public const int SessionsPerMinute = 60;

    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VisitorTokens>();
        builder.Services.AddSingleton<VisitorLimits>();
        builder.Services.AddSingleton<WebChatGate>();
        builder.Services.AddSingleton<VisitorPresence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VisitorPresence>());
        builder.Services.AddSingleton<IOutboundChannel, WebChatOutboundChannel>();
        builder.Services.AddHostedService<DefaultSiteBootstrapper>();
        builder.Services.AddCors();
        builder.Services.AddSingleton<ICorsPolicyProvider, SiteOriginsCorsPolicyProvider>();
        builder.Services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options =>
            options.AddPolicy(SessionLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SessionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.MapGroup("/api/sites").WithTags("Web chat").MapSitesApi();
        app.MapGroup("/api/webchat").WithTags("Web chat").MapWebChatApi().MapWebChatAttachmentsApi();
        // Not rate limited per request (long polling makes many); sends are limited per visitor inside the hub.
        app.MapHub<VisitorHub>(VisitorHubPath).RequireCors(CorsPolicy);
        WebChatDemoPage.Map(app);
        return app;
    }
}
