using Omnichannel.Core.Model;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Features.Conversations;

public sealed record ConversationDto(
    string Id,
    string Channel,
    string Account,
    ConversationStatus Status,
    string? AssigneeId,
    string ContactId,
    string Queue,
    string Tier,
    string? Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SnoozedUntil,
    IReadOnlyList<string> Labels,
    int MessageCount,
    Priority Priority,
    SlaSummary? Sla,
    IReadOnlyList<string> TierPath)
{
    public static ConversationDto From(Conversation c) => new(c.Id, c.Channel, c.Account, c.Status, c.AssigneeId, c.ContactId, c.Queue, c.Tier,
        c.Subject, c.CreatedAt, c.LastActivityAt, c.FirstResponseAt, c.SnoozedUntil, c.Labels, c.MessageCount, c.Priority,
        c.Sla is null ? null : SlaSummary.Of(c.Sla), c.TierPath ?? []);
}

public sealed record AttachmentDto(string Id, string FileName, string ContentType, long Size);

public sealed record MessageDto(
    string Id,
    string ConversationId,
    MessageDirection Direction,
    AuthorKind AuthorKind,
    string? AuthorId,
    string? AuthorName,
    string Text,
    string? Html,
    IReadOnlyList<AttachmentDto> Attachments,
    DateTimeOffset CreatedAt,
    bool Private,
    DeliveryState Delivery,
    string? DeliveryError)
{
    public static MessageDto From(Message m) => new(m.Id, m.ConversationId, m.Direction, m.AuthorKind, m.AuthorId, m.AuthorName, m.Text, m.Html,
        [.. m.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size))], m.CreatedAt, m.IsPrivate, m.Delivery, m.DeliveryError);
}

/// <summary>Every list endpoint answers a page: items and the cursor of the next page (null on the last).</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A reply or private note; <see cref="AttachmentIds"/> are files uploaded first with <c>POST …/attachments</c> (replies only).</summary>
public sealed record PostMessageRequest(string? Text, bool Private, IReadOnlyList<string>? AttachmentIds = null);

public sealed record ChangeStatusRequest(string? Status, DateTimeOffset? SnoozeUntil);

public sealed record AssignRequest(string? AgentId, string? Note);

public sealed record SetPriorityRequest(string? Priority);

/// <summary>Why it goes up a tier (kept as a private note and in the activity); optional when it goes back down.</summary>
public sealed record EscalateRequest(string? Note);
