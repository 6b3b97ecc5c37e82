namespace Omnichannel.Core.Ports;

/// <summary>
/// One inbound item as its channel names it: a mail (<c>{uidvalidity}:{uid}</c>), a Telegram update (its id), an
/// unreadable webhook call (a hash of its body). The same item always gets the same reference, so its attempts add up
/// across retries and restarts and it is quarantined once.
/// </summary>
public sealed record InboundItemRef(string Channel, string Account, string ItemId);

/// <summary>The tries made at an item so far (this one included) and why the last one failed.</summary>
public sealed record InboundAttempt(int Count, string? LastError);

/// <summary>
/// What is set aside: the item, why, after how many tries, and its raw bytes, either inline (small) or as a blob in
/// <see cref="IBlobStore"/> (large); neither when it was not fetched (a mail over the size limit) or not kept.
/// </summary>
public sealed record NewQuarantineEntry(
    InboundItemRef Item, string Reason, int Attempts, byte[]? InlineRaw, string? RawBlobKey, long RawBytes);

public sealed record QuarantineEntry(
    string Id,
    InboundItemRef Item,
    string Reason,
    int Attempts,
    DateTimeOffset At,
    long RawBytes,
    bool HasInlineRaw,
    string? RawBlobKey);

public sealed record QuarantinePage(IReadOnlyList<QuarantineEntry> Items, int? NextOffset);

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

public enum QuarantineRemoval
{
    Retried,
    Discarded,
}

/// <summary>
/// Runs a quarantined item through its channel's ingest again (<c>POST /api/quarantine/{id}/retry</c>): returns once it is
/// stored (or found stored already), throws with the reason when it still cannot be.
/// </summary>
public interface IQuarantineReplayer
{
    string Channel { get; }

    Task ReplayAsync(QuarantineEntry entry, Stream? raw, CancellationToken cancellationToken);
}
