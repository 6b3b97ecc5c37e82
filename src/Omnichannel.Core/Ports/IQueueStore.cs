using Omnichannel.Core.Assignment;

namespace Omnichannel.Core.Ports;

/// <summary>A queue's settings and members. Ids are URL-safe slugs (<c>default</c>, <c>billing-l2</c>).</summary>
public sealed record QueueSettings(
    string Id,
    string Name,
    QueuePolicy Policy,
    HandoverPolicy Handover,
    int? UnansweredTimeoutMinutes,
    IReadOnlyList<string> Members,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public enum QueueSaveStatus
{
    Created,
    Updated,

    /// <summary>Create-only and the queue exists: nothing changed.</summary>
    Exists,

    /// <summary>A member is not an agent: nothing changed.</summary>
    UnknownMember,
}

public sealed record QueueSaveResult(QueueSaveStatus Status, string? UnknownMember, IReadOnlyList<AssignmentChange> Changes);

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

/// <summary>The audit log: assignments with reason and actor, and lead actions, in time order.</summary>
public interface IAuditLog
{
    /// <summary>Entries at or after <paramref name="since"/>, or after the entry <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The conversation's activity timeline (assignments and their reasons), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadConversationAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>One audit entry; <see cref="Json"/> is the whole entry as stored (type, actorId, reason, from, to, ...).</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Type, string Json);
