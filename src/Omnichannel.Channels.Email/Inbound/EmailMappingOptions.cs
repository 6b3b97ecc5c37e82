using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>Limits <see cref="EmailMessageMapper"/> applies to one message. The defaults suit a support mailbox.</summary>
public sealed record EmailMappingOptions
{
    public const long DefaultMaxAttachmentBytes = 10L * 1024 * 1024;

    /// <summary>
    /// Attachments larger than this (decoded) are not handed to the <see cref="IAttachmentSink"/>; the message keeps a
    /// visible note instead. The mailbox configuration sets it; 10 MiB by default.
    /// </summary>
    public long MaxAttachmentBytes { get; init; } = DefaultMaxAttachmentBytes;

    /// <summary>
    /// How much of each text or HTML body part is decoded. The stored text is capped at
    /// <see cref="TextRules.MaxMessageLength"/> characters anyway; this bounds the memory a hostile body can take.
    /// </summary>
    public int MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Sanitized HTML longer than this is dropped (the text stays): truncated markup would render as garbage.</summary>
    public int MaxHtmlLength { get; init; } = 1_000_000;
}
