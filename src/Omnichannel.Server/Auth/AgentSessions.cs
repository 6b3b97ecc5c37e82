using Mediator;
using Microsoft.AspNetCore.Authentication;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Starts and ends agents' server-side sessions. The cookie names a session; the session record in the store is
/// what keeps it valid, so ending a session here refuses every copy of its cookie on every node, and closes the
/// agent-hub connections it opened (through <see cref="AccessChanged"/>).
/// </summary>
public sealed class AgentSessions(ISessionStore sessions, IPublisher publisher, TimeProvider time)
{
    /// <summary>How long an unused session lives: the cookie's sliding expiry and the record's TTL.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    /// <summary>Last seen is written at most this often, so a busy SPA does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public const int MaxDeviceLength = 200;

    public async Task SignInAsync(HttpContext http, Agent agent)
    {
        var now = time.GetUtcNow();
        var session = new AgentSession(SessionIds.New(), agent.Id, Device(http.Request.Headers.UserAgent), now, now);
        await sessions.CreateAsync(session, IdleTimeout, http.RequestAborted);
        await http.SignInAsync(InboxSchemes.Cookie, AgentPrincipals.Create(agent, session.Id));
    }

    /// <summary>Ends the caller's session, if there is one, and clears the cookie.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.GetAgentId() is { } agentId && http.User.GetSessionId() is { } sessionId)
        {
            await sessions.DeleteAsync(agentId, sessionId, http.RequestAborted);
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, agentId), http.RequestAborted);
        }

        await http.SignOutAsync(InboxSchemes.Cookie);
    }

    /// <summary>Signs the agent out everywhere: after a password or role change, or when the account goes.</summary>
    public Task<int> EndAllAsync(string agentId, CancellationToken cancellationToken = default) =>
        EndOthersAsync(agentId, null, cancellationToken);

    /// <summary>Ends one of the agent's sessions; false when it is another agent's or does not exist.</summary>
    public async Task<bool> EndAsync(string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        var ended = await sessions.DeleteAsync(agentId, sessionId, cancellationToken);
        if (ended)
        {
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, agentId), cancellationToken);
        }

        return ended;
    }

    /// <summary>Ends every session of the agent but <paramref name="exceptSessionId"/>; returns the count.</summary>
    public async Task<int> EndOthersAsync(string agentId, string? exceptSessionId, CancellationToken cancellationToken = default)
    {
        var ended = await sessions.DeleteAllAsync(agentId, exceptSessionId, cancellationToken);
        await publisher.Publish(new AccessChanged(PrincipalKind.Agent, agentId), cancellationToken);
        return ended;
    }

    // The User-Agent as the agent would recognise it, bounded and without control characters.
    private static string Device(string? userAgent)
    {
        var text = new string([.. (userAgent ?? "").Where(c => !char.IsControl(c))]).Trim();
        return text.Length == 0 ? "unknown" : text.Length <= MaxDeviceLength ? text : text[..MaxDeviceLength];
    }
}
