namespace Omnichannel.Core.Ports;

/// <summary>
/// Inbound items no channel could read or store (docs/operations.md, "Quarantine"). The attempt counter lives in the
/// store so it survives a restart: an item that crashes the server is counted before it is tried. Adding an entry and
/// removing one (retried or discarded, audited) are one atomic store operation each.
/// </summary>
public interface IQuarantineStore
{
    /// <summary>Counts one more try at <paramref name="item"/>, before it is made.</summary>
    Task<InboundAttempt> BeginAttemptAsync(InboundItemRef item, CancellationToken cancellationToken = default);

    /// <summary>Takes back a try that was interrupted by a shutdown, not by the item.</summary>
    Task CancelAttemptAsync(InboundItemRef item);

    /// <summary>Remembers why the last try failed (the reason the item is quarantined with, should it come to that).</summary>
    Task RecordFailureAsync(InboundItemRef item, string error, CancellationToken cancellationToken = default);

    /// <summary>The item is stored: its tries are forgotten.</summary>
    Task EndAttemptAsync(InboundItemRef item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the item aside (and forgets its tries); when it is in quarantine already, returns that entry unchanged, so
    /// a channel that crashed after quarantining and before moving on does not list it twice.
    /// </summary>
    Task<QuarantineEntry> AddAsync(NewQuarantineEntry entry, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<QuarantinePage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<QuarantineEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The raw bytes kept inline, or null.</summary>
    Task<byte[]?> GetInlineRawAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the entry out of quarantine with an audit entry (<c>quarantine.retried</c> or <c>quarantine.discarded</c>,
    /// by <paramref name="actorId"/>); null when it was not there (already removed).
    /// </summary>
    Task<QuarantineEntry?> RemoveAsync(string id, QuarantineRemoval removal, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default);
}
