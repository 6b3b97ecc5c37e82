using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Agents;

namespace Omnichannel.Server.Features.Auth;

public static class AuthApi
{
    /// <summary>Sign-in bodies are an email and a password: 4 KiB is plenty.</summary>
    public const int MaxAnonymousBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        // Anonymous endpoints read small bodies only: a 10 MB email once reached the store and a log line.
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.Login)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxAnonymousBodyBytes));
        group.MapPost("/logout", (Delegate)LogoutAsync).AllowAnonymous()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxAnonymousBodyBytes));
        group.MapGet("/me", Me).RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/sessions", ListSessionsAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapDelete("/sessions/{id}", EndSessionAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapDelete("/sessions", EndOtherSessionsAsync).RequireAuthorization(InboxPolicies.Agent);
        return group;
    }

    private static async Task<Results<Ok<AgentDto>, UnauthorizedHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        HttpContext http,
        IAgentStore agents,
        SignInPasswords passwords,
        AgentSessions sessions,
        IOptions<LoginOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Email and password are required.");
        }

        // No account has such an email or password: refused before they reach the throttle's keys, the log or the
        // hasher (a line break once reached a throttle key; a huge password costs the hash's time).
        if (!IdentityRules.LooksLikeEmail(request.Email.Trim()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Email is not an email address.");
        }

        if (request.Password.Length > AgentPasswords.MaximumLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Password is too long.");
        }

        // Known and unknown emails take the same path: both are throttled, both verify a hash, both answer 401.
        var logger = loggers.CreateLogger("Omnichannel.Auth");
        var policy = options.Value.Policy;
        var source = SourceAddress(http);
        var now = time.GetUtcNow();
        var throttle = await agents.GetLoginThrottleAsync(request.Email, source, now, policy, http.RequestAborted);
        if (throttle.IsLockedOut(now))
        {
            return LockedOut(throttle.LockedUntil!.Value, now);
        }

        // Failures from everywhere slow the email down, boundedly: an owner under attack waits but gets in.
        var delay = policy.AccountDelay(throttle.AccountFailures);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, http.RequestAborted);
        }

        var agent = await agents.FindByEmailAsync(request.Email, http.RequestAborted);
        if (!passwords.Verify(agent, request.Password))
        {
            now = time.GetUtcNow();
            var after = await agents.RecordLoginFailureAsync(request.Email, source, now, policy, http.RequestAborted);
            logger.LogInformation("Failed login for {Email} from {Source} ({Failures} from there, {AccountFailures} "
                + "from anywhere in the current window)", request.Email.Trim().ToLowerInvariant(), source,
                after.Failures, after.AccountFailures);
            return after.IsLockedOut(now) ? LockedOut(after.LockedUntil!.Value, now) : TypedResults.Unauthorized();
        }

        await agents.ClearLoginFailuresAsync(request.Email, source, http.RequestAborted);
        await sessions.SignInAsync(http, agent!);
        return TypedResults.Ok(AgentDto.From(agent!));
    }

    // The address the connection came from (behind a proxy: what forwarded-headers handling made of it).
    // IPv4 seen over IPv6 counts as the IPv4 address, so one client has one key.
    private static string SourceAddress(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";

    private static ProblemHttpResult LockedOut(DateTimeOffset until, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes));
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed logins.",
            detail: $"Signing in to this account from this address is locked for {minutes} more minute(s).");
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AgentSessions sessions)
    {
        await sessions.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<SessionDto>>> ListSessionsAsync(HttpContext http, ISessionStore sessions)
    {
        var current = http.CurrentSession()!;
        var all = await sessions.ListAsync(current.AgentId, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<SessionDto>>([.. all.Select(s => s.Id == current.Id ? current : s)
            .Select(s => new SessionDto(s.Id, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == current.Id))]);
    }

    // Another agent's session answers exactly as one that does not exist: ids cannot be probed.
    private static async Task<Results<NoContent, NotFound>> EndSessionAsync(
        string id, HttpContext http, AgentSessions sessions)
    {
        var current = http.CurrentSession()!;
        if (!SessionIds.IsWellFormed(id) || !await sessions.EndAsync(current.AgentId, id, http.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        if (id == current.Id)
        {
            await http.SignOutAsync(InboxSchemes.Cookie);
        }

        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndOtherSessionsAsync(HttpContext http, AgentSessions sessions)
    {
        var current = http.CurrentSession()!;
        await sessions.EndOthersAsync(current.AgentId, current.Id, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static Results<Ok<AgentDto>, UnauthorizedHttpResult> Me(HttpContext http) =>
        http.CurrentAgent() is { } agent ? TypedResults.Ok(AgentDto.From(agent)) : TypedResults.Unauthorized();
}
