namespace Omnichannel.Channels.Email.Inbound;

/// <summary>A message's body, read: the new text, the quoted trail, the sanitized HTML and what was hashed for the external id.</summary>
internal sealed record EmailBodyContent(string Text, string? QuotedText, string? Html, string HashSource);
