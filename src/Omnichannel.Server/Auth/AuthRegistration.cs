using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Model;
using Omnichannel.Redis;

namespace Omnichannel.Server.Auth;

public static class AuthRegistration
{
    /// <summary>Cookie sign-in for agents, bearer API tokens for integrations; everything requires one of them.</summary>
    public static IHostApplicationBuilder AddInboxAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section)
            .Validate(options => options.IsValid, "Omnichannel:Bootstrap needs both AdminEmail (an email address) and AdminPassword (10+ characters), or neither.")
            .ValidateOnStart();
        builder.Services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPasswordHasher<Agent>, PasswordHasher<Agent>>();
        builder.Services.AddHostedService<AdminBootstrapper>();
        builder.Services.AddSingleton<AgentSessions>();
        builder.Services.AddSingleton<SignInPasswords>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignInPasswords>());

        builder.AddStoredDataProtectionKeys();

        builder.Services.AddAuthentication(InboxSchemes.Selector)
            .AddPolicyScheme(InboxSchemes.Selector, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    ApiTokenAuthenticationHandler.PresentedToken(context.Request) is not null
                        ? InboxSchemes.ApiToken
                        : InboxSchemes.Cookie)
            .AddCookie(InboxSchemes.Cookie, options =>
            {
                options.Cookie.Name = "omnichannel.auth";
                options.Cookie.HttpOnly = true;
                // Strict keeps the cookie off cross-site requests: the SPA's JSON API needs no CSRF token then.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = AgentSessions.IdleTimeout;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => StatusOnly(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => StatusOnly(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = AgentPrincipals.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(InboxSchemes.ApiToken, null);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(InboxPolicies.Agent, policy => policy.RequireClaim(InboxClaims.AgentId))
            .AddPolicy(InboxPolicies.Admin, policy => policy.RequireClaim(InboxClaims.AgentId).RequireRole("admin"))
            .AddPolicy(InboxPolicies.Lead, policy => policy.RequireClaim(InboxClaims.AgentId).RequireRole("lead", "admin"))
            .AddPolicy(InboxPolicies.Inbound, policy => policy.RequireClaim(InboxClaims.Scope, ApiScopes.Inbound))
            .AddPolicy(InboxPolicies.ReadConversations, policy => policy.RequireAssertion(context =>
                context.User.HasClaim(c => c.Type == InboxClaims.AgentId) || context.User.HasScope(ApiScopes.ConversationsRead)))
            .AddPolicy(InboxPolicies.Metrics, policy => policy.RequireAssertion(context =>
                (context.User.HasClaim(c => c.Type == InboxClaims.AgentId) && context.User.IsInRole("admin"))
                || context.User.HasScope(ApiScopes.Metrics)));
        return builder;
    }

    /// <summary>
    /// Keys in the store (<see cref="RedisDataProtection.AddRedisDataProtection"/>). New keys are encrypted to
    /// <see cref="KeyEncryptionCertificate"/> when there is one; keys written before that (plain XML) are still read,
    /// so cookies and visitor tokens issued with them keep working.
    /// </summary>
    private static void AddStoredDataProtectionKeys(this IHostApplicationBuilder builder)
    {
        var keyEncryption = KeyEncryptionCertificate.Choose(builder.Configuration);
        builder.AddRedisDataProtection(dataProtection =>
        {
            dataProtection.SetApplicationName("omnichannel");
            if (keyEncryption.Certificate is { } certificate)
            {
                dataProtection.ProtectKeysWithCertificate(certificate);
            }
        });
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<ILogger<KeyEncryptionCertificate>>((_, logger) => keyEncryption.Replay(logger));
    }

    // An API answers 401/403, never a redirect to a login page.
    private static Task StatusOnly(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
