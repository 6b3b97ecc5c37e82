namespace Omnichannel.Core.Model;

public enum MessageDirection
{
    In,
    Out,
}

/// <summary>Who wrote a message.</summary>
public enum AuthorKind
{
    Contact,
    Agent,
    Integration,
    System,
}

/// <summary>Where an outbound message is on its way to the customer. Inbound messages and private notes have <see cref="None"/>.</summary>
public enum DeliveryState
{
    None,
    Pending,
    Sent,
    Delivered,
    Failed,
}

/// <summary>Metadata of a file kept in the blob store; the bytes never live in Redis.</summary>
public sealed record AttachmentInfo(string Id, string FileName, string ContentType, long Size, string BlobKey);

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
