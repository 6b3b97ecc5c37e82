namespace Omnichannel.Channels.Email.Outbound;

/// <summary>Why a mail did not go out; <see cref="Permanent"/>: the server's final word (5xx), retrying will not help.</summary>
internal sealed record SmtpSendError(string Reason, bool Permanent);
