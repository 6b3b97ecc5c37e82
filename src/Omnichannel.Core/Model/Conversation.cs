using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Model;

/// <summary>A thread with one contact on one channel account, worked by at most one agent at a time.</summary>
/// <param name="TierPath">The queues it was escalated from, first to last (empty: never escalated, or returned).</param>
/// <param name="Sla">Its promises under its queue's policy (the SLA keeper keeps them); null when no clock ever started.</param>
public sealed record Conversation(
    string Id,
    string Channel,
    string Account,
    string ContactId,
    ConversationStatus Status,
    string? AssigneeId,
    string Queue,
    string Tier,
    string? Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SnoozedUntil,
    IReadOnlyList<string> Labels,
    int MessageCount,
    Priority Priority = Priority.Normal,
    ConversationSla? Sla = null,
    IReadOnlyList<string>? TierPath = null);
