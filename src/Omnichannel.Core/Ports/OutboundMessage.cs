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

    /// <summary>
    /// The message's id when the caller names it (an incident's reply, <see cref="Incidents.IncidentReplyIds"/>): a
    /// message of that id stored already is kept and nothing is appended, so repeating the write is harmless. Null: a
    /// new id.
    /// </summary>
    public string? MessageId { get; init; }
}
