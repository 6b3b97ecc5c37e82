using System.Collections.Concurrent;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Principals of open hub connections as the store has them now. Pushes read through a cache that every
/// <see cref="AccessChanged"/> clears on every node, and that is never older than <see cref="Freshness"/> even when
/// such a signal is lost; <c>Resume</c> and hub methods read fresh. A deleted agent or token, an agent whose
/// security stamp changed since the connection signed in (new password), or whose session ended (logout, role
/// change, ended from another device) has no principal.
/// </summary>
public sealed class PrincipalDirectory(IAgentStore agents, IApiTokenStore tokens, ISessionStore sessions, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<PrincipalRef, Entry> _cache = new();

    public async ValueTask<Principal?> GetAsync(PrincipalRef reference, bool fresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (fresh || !_cache.TryGetValue(reference, out var entry) || now - entry.LoadedAt >= Freshness)
        {
            entry = new Entry(await LoadAsync(reference, cancellationToken), now);
            _cache[reference] = entry;
        }

        return entry.Principal;
    }

    public void Forget(PrincipalKind kind, string id)
    {
        foreach (var key in _cache.Keys.Where(k => k.Kind == kind && k.Id == id))
        {
            _cache.TryRemove(key, out _);
        }
    }

    private async Task<Principal?> LoadAsync(PrincipalRef reference, CancellationToken cancellationToken)
    {
        if (reference.Kind == PrincipalKind.Integration)
        {
            return await tokens.GetAsync(reference.Id, cancellationToken) is { } token ? Principal.For(token) : null;
        }

        if (reference.SessionId is not { } sessionId
            || await sessions.GetAsync(sessionId, cancellationToken) is not { } session || session.AgentId != reference.Id)
        {
            return null;
        }

        return await agents.GetAsync(reference.Id, cancellationToken) is { } agent && agent.SecurityStamp == reference.Stamp
            ? Principal.For(agent)
            : null;
    }

    private sealed record Entry(Principal? Principal, DateTimeOffset LoadedAt);
}
