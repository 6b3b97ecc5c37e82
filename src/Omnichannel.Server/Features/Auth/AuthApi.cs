using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Agents;

namespace Omnichannel.Server.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.Login);
        group.MapPost("/logout", (Delegate)LogoutAsync).AllowAnonymous();
        group.MapGet("/me", Me).RequireAuthorization(InboxPolicies.Agent);
        return group;
    }

    private static async Task<Results<Ok<AgentDto>, UnauthorizedHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        HttpContext http,
        IAgentStore agents,
        IPasswordHasher<Agent> hasher,
        IOptions<LoginOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Email and password are required.");
        }

        var logger = loggers.CreateLogger("Omnichannel.Auth");
        var now = time.GetUtcNow();
        var throttle = await agents.GetLoginThrottleAsync(request.Email, http.RequestAborted);
        if (throttle.IsLockedOut(now))
        {
            return LockedOut(throttle.LockedUntil!.Value, now);
        }

        var agent = await agents.FindByEmailAsync(request.Email, http.RequestAborted);
        var verified = agent is not null && hasher.VerifyHashedPassword(agent, agent.PasswordHash, request.Password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            var policy = new LoginThrottlePolicy(options.Value.MaxFailures, options.Value.FailureWindow, options.Value.Lockout);
            var after = await agents.RecordLoginFailureAsync(request.Email, now, policy, http.RequestAborted);
            logger.LogInformation("Failed login for {Email} ({Failures} in the current window)", request.Email.Trim().ToLowerInvariant(), after.Failures);
            return after.IsLockedOut(now) ? LockedOut(after.LockedUntil!.Value, now) : TypedResults.Unauthorized();
        }

        await agents.ClearLoginFailuresAsync(request.Email, http.RequestAborted);
        await http.SignInAsync(InboxSchemes.Cookie, AgentPrincipals.Create(agent!));
        return TypedResults.Ok(AgentDto.From(agent!));
    }

    private static ProblemHttpResult LockedOut(DateTimeOffset until, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes));
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed logins.",
            detail: $"This account is locked for {minutes} more minute(s).");
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(InboxSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static Results<Ok<AgentDto>, UnauthorizedHttpResult> Me(HttpContext http) =>
        http.CurrentAgent() is { } agent ? TypedResults.Ok(AgentDto.From(agent)) : TypedResults.Unauthorized();
}
