namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// An HTML body, read: the new part as text, the quoted trail as text, and the new part as sanitized HTML, or null with
/// <see cref="HtmlDropped"/> saying why when the markup was too hostile to keep.
/// </summary>
internal sealed record HtmlBody(string Text, string? Trail, string? Html, string? HtmlDropped = null);
