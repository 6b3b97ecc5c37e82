using System.Collections.Concurrent;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Principals of open hub connections as the store has them now. Pushes read through a cache that every
/// <see cref="AccessChanged"/> clears on every node, and that is never older than <see cref="Freshness"/> even when
/// such a signal is lost; <c>Resume</c> and hub methods read fresh. A deleted agent or token, or an agent whose
/// security stamp changed since the connection signed in (new password), has no principal.
/// </summary>
public sealed class PrincipalDirectory(IAgentStore agents, IApiTokenStore tokens, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(PrincipalKind, string), Entry> _cache = new();

    public async ValueTask<Principal?> GetAsync(PrincipalRef reference, bool fresh, CancellationToken cancellationToken)
    {
        var key = (reference.Kind, reference.Id);
        var now = time.GetUtcNow();
        if (fresh || !_cache.TryGetValue(key, out var entry) || now - entry.LoadedAt >= Freshness)
        {
            object? loaded = reference.Kind == PrincipalKind.Agent
                ? await agents.GetAsync(reference.Id, cancellationToken)
                : await tokens.GetAsync(reference.Id, cancellationToken);
            entry = new Entry(loaded, now);
            _cache[key] = entry;
        }

        return entry.Value switch
        {
            Agent agent when agent.SecurityStamp == reference.Stamp => Principal.For(agent),
            ApiToken token => Principal.For(token),
            _ => null,
        };
    }

    public void Forget(PrincipalKind kind, string id) => _cache.TryRemove((kind, id), out _);

    private sealed record Entry(object? Value, DateTimeOffset LoadedAt);
}
