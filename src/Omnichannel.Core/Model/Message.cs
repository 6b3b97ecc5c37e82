namespace Omnichannel.Core.Model;

public sealed record Message(
    string Id,
    string ConversationId,
    long Sequence,
    MessageDirection Direction,
    AuthorKind AuthorKind,
    string? AuthorId,
    string? AuthorName,
    string Text,
    string? Html,
    IReadOnlyList<AttachmentInfo> Attachments,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    bool IsPrivate,
    DeliveryState Delivery,
    string? DeliveryError);
