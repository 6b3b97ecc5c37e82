using System.Collections.Concurrent;
using Mediator;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// A live hub connection keeps its agent present: this node counts its connections per agent and sends a heartbeat
/// for each connected agent every 20 seconds (presence lasts 60). When an agent's last connection anywhere closes,
/// nobody heartbeats and presence ends within a minute.
/// </summary>
public sealed class PresenceTracker(
    IAssignmentStore assignments,
    LiveBus bus,
    IPublisher publisher,
    TimeProvider time,
    ILogger<PresenceTracker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> ConnectedAgents => [.. _connections.Where(c => c.Value > 0).Select(c => c.Key)];

    public async Task ConnectedAsync(string agentId, CancellationToken cancellationToken)
    {
        _connections.AddOrUpdate(agentId, 1, (_, n) => n + 1);
        await HeartbeatAsync(agentId, announce: true, cancellationToken);
    }

    public async Task DisconnectedAsync(string agentId)
    {
        var left = _connections.AddOrUpdate(agentId, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0)
        {
            _connections.TryRemove(new KeyValuePair<string, int>(agentId, 0));
            await AnnounceAsync(agentId, CancellationToken.None);
        }
    }

    public async Task HeartbeatAsync(string agentId, bool announce, CancellationToken cancellationToken)
    {
        var change = await assignments.HeartbeatAsync(agentId, time.GetUtcNow(), cancellationToken);
        await publisher.PublishAsync(change.Changes, null, cancellationToken);
        if (announce)
        {
            await AnnounceAsync(agentId, cancellationToken);
        }
    }

    /// <summary>Tells leads the agent's availability and presence as the store has them now.</summary>
    public async Task AnnounceAsync(string agentId, CancellationToken cancellationToken)
    {
        var state = (await assignments.ReadAgentsAsync("-", [agentId], time.GetUtcNow(), cancellationToken)).Agents[0].State;
        await bus.PublishAsync(new PresenceSignal(new PresenceEvent(agentId, AvailabilityText.ToText(state.Availability), state.IsPresent && _connections.ContainsKey(agentId))), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var agentId in ConnectedAgents)
            {
                try
                {
                    await HeartbeatAsync(agentId, announce: false, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Heartbeat for connected agent {AgentId} failed", agentId);
                }
            }
        }
    }
}
