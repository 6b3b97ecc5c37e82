namespace Omnichannel.Core.Ports;

/// <summary>Which web chat conversations have their visitor connected right now, shared by every node.</summary>
public interface IVisitorPresenceStore
{
    /// <summary>These conversations' visitors are connected until <paramref name="until"/> (refreshed while they stay).</summary>
    Task MarkOnlineAsync(IReadOnlyCollection<string> conversationIds, DateTimeOffset until, CancellationToken cancellationToken = default);

    Task MarkOfflineAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<bool> IsOnlineAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
