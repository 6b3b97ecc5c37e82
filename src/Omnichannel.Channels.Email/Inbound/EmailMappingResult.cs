using Omnichannel.Core.Inbound;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>What <see cref="EmailMessageMapper"/> made of one message: a customer message to ingest, or a rejection with its reason.</summary>
public abstract record EmailMappingResult;

/// <summary>
/// A message ready for <c>IngestMessage</c>. <see cref="Metadata"/> holds the mail facts the ingest needs next (threading,
/// loop and bounce handling); <see cref="Notes"/> are short English lines for the log about what was dropped or repaired.
/// </summary>
public sealed record EmailMappedMessage(InboundMessage Message, EmailMetadata Metadata, IReadOnlyList<string> Notes)
    : EmailMappingResult;

/// <summary>
/// A message that cannot become a customer message. The ingest logs <see cref="Detail"/> and moves past it: one bad message
/// must not stop a mailbox. <see cref="MessageId"/> (without angle brackets) helps find it in the mailbox.
/// </summary>
public sealed record EmailRejectedMessage(EmailRejectReason Reason, string Detail, string? MessageId) : EmailMappingResult;

public enum EmailRejectReason
{
    /// <summary>No usable address in From, Sender or Reply-To: nobody to make a contact of or to answer.</summary>
    NoSender,
}
