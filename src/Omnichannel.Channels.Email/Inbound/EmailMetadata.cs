namespace Omnichannel.Channels.Email.Inbound;

/// <summary>Mail facts about a mapped message that <see cref="Core.Inbound.InboundMessage"/> has no place for.</summary>
public sealed record EmailMetadata
{
    /// <summary>Message-ID without angle brackets; null when the message has none (the external id is then a hash).</summary>
    public string? MessageId { get; init; }

    /// <summary>The first Message-ID of In-Reply-To, without angle brackets.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>References, oldest first, without angle brackets. Threading matches these against stored Message-IDs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// Reply-To addresses (lower-cased). The contact is the From author; a reply goes to these when present, as a mail
    /// client would do.
    /// </summary>
    public IReadOnlyList<string> ReplyTo { get; init; } = [];

    /// <summary>The Date header; null when missing or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>
    /// Machine-written mail: an auto-reply, a vacation notice, a read receipt, list or bulk mail. It is recorded, but never
    /// answered automatically and never assigned.
    /// </summary>
    public bool IsAutoReply { get; init; }

    /// <summary>The header (and value) that made <see cref="IsAutoReply"/> true, e.g. <c>Auto-Submitted: auto-replied</c>.</summary>
    public string? AutoReplyReason { get; init; }

    /// <summary>The delivery status report when this message is a bounce (DSN, RFC 3464); otherwise null.</summary>
    public EmailDeliveryReport? Bounce { get; init; }

    public bool IsBounce => Bounce is not null;

    /// <summary>Neither a person's reply nor worth an auto-answer or an assignment.</summary>
    public bool IsAutomated => IsAutoReply || IsBounce;

    /// <summary>The quoted reply trail cut off the text (earlier messages of the thread), as plain text; null when none.</summary>
    public string? QuotedText { get; init; }

    /// <summary>
    /// Content-ID (without angle brackets) → attachment id, for the inline parts HTML refers to as <c>cid:…</c>.
    /// The server rewrites those references to its attachment URLs when it shows the message.
    /// </summary>
    public IReadOnlyDictionary<string, string> InlineAttachments { get; init; } = new Dictionary<string, string>();

    /// <summary>Attachments left out because they were over the size limit; the text says so too.</summary>
    public IReadOnlyList<SkippedAttachment> SkippedAttachments { get; init; } = [];
}
