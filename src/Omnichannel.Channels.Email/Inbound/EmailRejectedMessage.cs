namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// A message that cannot become a customer message. The ingest logs <see cref="Detail"/> and moves past it: one bad message
/// must not stop a mailbox. <see cref="MessageId"/> (without angle brackets) helps find it in the mailbox.
/// </summary>
public sealed record EmailRejectedMessage(EmailRejectReason Reason, string Detail, string? MessageId) : EmailMappingResult;
