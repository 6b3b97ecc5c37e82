using System.Collections.Concurrent;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Which conversations have a visitor connected on this node; refreshed in the shared store every 30 seconds (valid
/// for 90), so any node can tell whether a reply reaches an open widget or should also go by email.
/// </summary>
public sealed class VisitorPresence(IVisitorPresenceStore store, TimeProvider time, ILogger<VisitorPresence> logger) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, string> _connections = new(StringComparer.Ordinal);

    // One change at a time on this node: without it, a refresh that read the connections just before a visitor left
    // wrote them back just after the visitor was marked offline, and showed them online for another 90 seconds.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Visitor hub connections on this node whose presence the store has not yet been told is over.</summary>
    public int ConnectedVisitors => _connections.Count;

    public async Task TrackAsync(string connectionId, string conversationId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _connections[connectionId] = conversationId;
            await store.MarkOnlineAsync([conversationId], time.GetUtcNow() + Lifetime, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UntrackAsync(string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            // Forgotten only once the store knows: a count of zero means no visitor change is still on its way.
            if (_connections.TryGetValue(connectionId, out var conversationId)
                && _connections.Count(c => c.Value == conversationId) == 1)
            {
                await store.MarkOfflineAsync(conversationId);
            }

            _connections.TryRemove(connectionId, out _);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await store.MarkOnlineAsync([.. _connections.Values.Distinct(StringComparer.Ordinal)], time.GetUtcNow() + Lifetime, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing web chat visitors' presence failed");
            }
        }
    }
}
