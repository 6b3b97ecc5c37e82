using Omnichannel.Core.Assignment;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Assignment;

/// <summary>
/// At start: the queue <c>default</c> exists (created once, never overwritten), every agent's membership index
/// matches their queue list, and every agent's on-shift windows are current.
/// </summary>
public sealed class QueueBootstrapper(IQueueStore queues, IAgentStore agents, ShiftWindows windows, TimeProvider time, ILogger<QueueBootstrapper> logger) : IHostedService
{
    public const string DefaultQueueId = "default";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = await queues.SaveAsync(
            new QueueSettings(DefaultQueueId, "Default", QueuePolicy.RoundRobin, HandoverPolicy.RequeueWhenOffline, null, [], now, now),
            members: null, createOnly: true, actorId: "system", now, cancellationToken);
        if (created.Status == QueueSaveStatus.Created)
        {
            logger.LogInformation("Created the queue '{Queue}'", DefaultQueueId);
        }

        foreach (var agent in await agents.ListAsync(cancellationToken))
        {
            // Rewriting an agent rebuilds its queue:{q}:members entries (stores written before queues existed lack them).
            await agents.UpdateAsync(agent, cancellationToken);
        }

        await windows.RefreshAsync(null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
