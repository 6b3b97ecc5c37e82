using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>An agent's reply or private note, before it is stored.</summary>
public sealed record OutboundMessage(
    string ConversationId,
    AuthorKind AuthorKind,
    string AuthorId,
    string? AuthorName,
    string Text,
    bool IsPrivate)
{
    /// <summary>Files sent with the reply (already in the blob store); the channel uploads them.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}
