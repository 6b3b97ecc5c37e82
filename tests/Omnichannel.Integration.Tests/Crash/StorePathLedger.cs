using System.Collections.Concurrent;
using Omnichannel.Core.Model;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// What the store acknowledged to the writers of <see cref="StorePathCrashTests"/>: each ingest with the ids its
/// answer gave, each reply, and per conversation the status and assignee it holds after the last acknowledged
/// change (unknown after a change whose answer a kill cut off: it may or may not have happened).
/// </summary>
internal sealed class StorePathLedger
{
    private readonly ConcurrentDictionary<string, long> _acknowledgedByKind = new(StringComparer.Ordinal);
    private long _acknowledged;
    private long _interrupted;

    /// <summary>External id of every ingest tried, and the ids its acknowledgement gave (null until one did).</summary>
    public ConcurrentDictionary<string, IngestAcknowledgement?> Ingests { get; } = new(StringComparer.Ordinal);

    /// <summary>Acknowledged replies: message id to conversation id.</summary>
    public ConcurrentDictionary<string, string> Replies { get; } = new(StringComparer.Ordinal);

    /// <summary>Per conversation what it holds after its last acknowledged change; null when unknown.</summary>
    public ConcurrentDictionary<string, ExpectedConversation?> Expected { get; } = new(StringComparer.Ordinal);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Interrupted => Interlocked.Read(ref _interrupted);

    public void Acknowledge(string kind)
    {
        Interlocked.Increment(ref _acknowledged);
        _acknowledgedByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>A kill cut off the answer: the operation may be stored or not, whole either way.</summary>
    public void Interrupt(string? conversationId)
    {
        Interlocked.Increment(ref _interrupted);
        if (conversationId is not null)
        {
            Expected[conversationId] = null;
        }
    }

    public string Summary() =>
        $"{Acknowledged} acknowledged ("
        + string.Join(", ", _acknowledgedByKind.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => $"{k.Key} {k.Value}"))
        + $"), {Interrupted} cut off by a kill";
}

/// <summary>The ids an acknowledged ingest returned.</summary>
internal sealed record IngestAcknowledgement(string ConversationId, string MessageId, string ContactId);

/// <summary>Status and assignee (null = waiting in its queue) a conversation must hold.</summary>
internal sealed record ExpectedConversation(ConversationStatus Status, string? AssigneeId);
