namespace Omnichannel.Core.Model;

/// <summary>A thread with one contact on one channel account, worked by at most one agent at a time.</summary>
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
    int MessageCount);
