namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// What a bounce (a <c>multipart/report; report-type=delivery-status</c> message, RFC 3464) says about a message we sent.
/// </summary>
/// <param name="OriginalMessageId">
/// Message-ID (without angle brackets) of the message that bounced, from the returned message or its headers; null when
/// the report carries neither.
/// </param>
/// <param name="IsFailure">
/// True unless every recipient's <c>Action</c> is <c>delayed</c>, <c>delivered</c>, <c>relayed</c> or <c>expanded</c>: a delay
/// warning must not mark the reply failed.
/// </param>
/// <param name="FailedRecipients">Recipients whose action is <c>failed</c> (lower-cased addresses).</param>
/// <param name="Status">The first recipient's status code, e.g. <c>5.1.1</c>.</param>
/// <param name="Diagnostic">The first <c>Diagnostic-Code</c>, the receiving server's own words, to show to the agent.</param>
public sealed record EmailDeliveryReport(
    string? OriginalMessageId,
    bool IsFailure,
    IReadOnlyList<string> FailedRecipients,
    string? Status,
    string? Diagnostic);
