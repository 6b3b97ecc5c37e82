namespace Omnichannel.Core.Ports;

public interface IQueueStore
{
    Task<IReadOnlyList<QueueSettings>> ListAsync(CancellationToken cancellationToken = default);

    Task<QueueSettings?> GetAsync(string queueId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates the queue (name, policy, handover, timeout); with <paramref name="members"/> also sets who is
    /// a member (each agent's queue list changes with it). Drains the queue in the same write.
    /// </summary>
    Task<QueueSaveResult> SaveAsync(QueueSettings queue, IReadOnlyList<string>? members, bool createOnly, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
