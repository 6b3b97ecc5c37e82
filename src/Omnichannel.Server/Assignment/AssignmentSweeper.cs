using Mediator;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Assignment;

/// <summary>
/// The clock-driven half of assignment, run every <see cref="AssignmentOptions.SweepSeconds"/>:
/// at each shift boundary (once per boundary across all nodes, under a store lease) every queue's handover policy
/// runs and the queues drain for the incoming shift; agents whose presence ran out hand over like agents who went
/// offline; unanswered timeouts reassign; and every queue drains, which also covers capacity that appeared without
/// an event (a shift starting). On-shift windows are recomputed hourly.
/// </summary>
public sealed class AssignmentSweeper(
    IAssignmentStore assignments,
    IQueueStore queues,
    IShiftStore shifts,
    IAgentStore agents,
    ShiftWindows windows,
    IPublisher publisher,
    IOptions<AssignmentOptions> options,
    TimeProvider time,
    ILogger<AssignmentSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan WindowRefresh = TimeSpan.FromHours(1);

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private DateTimeOffset _lastSweep;
    private DateTimeOffset _lastWindowRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset? _nextBoundary;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastSweep = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(options.Value.SweepSeconds);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Assignment sweep failed; retrying in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep at the current time; public so a test can run one without waiting for the timer.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastWindowRefresh >= WindowRefresh)
        {
            await windows.RefreshAsync(null, cancellationToken);
            _lastWindowRefresh = now;
        }

        var allShifts = await shifts.ListAsync(cancellationToken);
        var allQueues = await queues.ListAsync(cancellationToken);
        _nextBoundary ??= ShiftWindows.NextBoundary(allShifts, _lastSweep);
        if (_nextBoundary is { } boundary && boundary <= now)
        {
            await HandOverAsync(boundary, allQueues, cancellationToken);
            _nextBoundary = ShiftWindows.NextBoundary(allShifts, now);
        }

        foreach (var agentId in await assignments.ExpiredPresenceAsync(_lastSweep, now, cancellationToken))
        {
            if (await agents.GetAsync(agentId, cancellationToken) is { } agent)
            {
                foreach (var queueId in agent.Queues)
                {
                    await PublishAsync(await assignments.HandoverAsync(queueId, agentId, now, cancellationToken), cancellationToken);
                }
            }
        }

        await PublishAsync(await assignments.ReassignUnansweredAsync(now, 500, cancellationToken), cancellationToken);
        await PublishAsync(await assignments.DrainAsync([.. allQueues.Select(q => q.Id)], now, cancellationToken), cancellationToken);
        _lastSweep = now;
    }

    /// <summary>Shifts changed: the next boundary is recomputed at the next sweep.</summary>
    public void ShiftsChanged() => _nextBoundary = null;

    private async Task HandOverAsync(DateTimeOffset boundary, IReadOnlyList<QueueSettings> allQueues, CancellationToken cancellationToken)
    {
        if (!await assignments.TryLeaseAsync($"handover:{boundary.ToUnixTimeMilliseconds()}", _node, TimeSpan.FromHours(1), cancellationToken))
        {
            return;
        }

        var moved = 0;
        foreach (var queue in allQueues)
        {
            var changes = await assignments.HandoverAsync(queue.Id, null, time.GetUtcNow(), cancellationToken);
            moved += changes.Count(c => c.To is null);
            await PublishAsync(changes, cancellationToken);
        }

        logger.LogInformation("Shift boundary {Boundary:u}: handover requeued {Count} conversations", boundary, moved);
    }

    private Task PublishAsync(IReadOnlyList<AssignmentChange> changes, CancellationToken cancellationToken) =>
        publisher.PublishAsync(changes, null, cancellationToken);
}
