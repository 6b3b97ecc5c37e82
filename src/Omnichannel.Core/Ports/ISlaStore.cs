using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>
/// What the SLA keeper reads and writes (docs/sla.md, "Who keeps the clocks"): the event log after its cursor, the
/// conversations' promises, the deadlines that came due, and each change written with the cursor in one atomic write
/// that refuses when another keeper got there first.
/// </summary>
public interface ISlaStore
{
    /// <summary>The keeper's cursor and up to <paramref name="limit"/> events after it, oldest first.</summary>
    Task<SlaLogBatch> ReadLogAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The conversations' promises as stored now (missing conversations are left out).</summary>
    Task<IReadOnlyList<SlaSubject>> LoadAsync(IReadOnlyList<string> conversationIds, CancellationToken cancellationToken = default);

    /// <summary>Conversations with a warning or deadline at or before <paramref name="upTo"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset upTo, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the promises, records their alerts as events, and moves the cursor from <paramref name="expectedCursor"/>
    /// to <paramref name="newCursor"/> (both null: the cursor is not touched), all at once. Returns null and writes
    /// nothing when the cursor or any conversation's version is not what the caller read: another keeper wrote first.
    /// </summary>
    Task<IReadOnlyList<SlaPublished>?> SaveAsync(
        long? expectedCursor, long? newCursor, IReadOnlyList<SlaWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The ids of the conversations waiting in a queue (open, unassigned), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> WaitingAsync(string queueId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Conversations owed an escalation for a breach (written with the breach), oldest first.</summary>
    Task<IReadOnlyList<string>> EscalationsOwedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Takes or renews the keeper's lease for <paramref name="holder"/> (or gives it up); false when another node holds it.</summary>
    Task<bool> HoldLeaseAsync(string holder, TimeSpan lifetime, bool release, CancellationToken cancellationToken = default);

    /// <summary>Sets the priority (the keeper retargets the clocks from the event); null when there is no such conversation.</summary>
    Task<PriorityChange?> SetPriorityAsync(string conversationId, Priority priority, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
