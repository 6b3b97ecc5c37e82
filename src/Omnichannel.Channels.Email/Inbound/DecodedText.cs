namespace Omnichannel.Channels.Email.Inbound;

/// <summary>A decoded body part: its text, how many bytes it took, whether it was cut at the byte limit, and a declared charset nobody knows.</summary>
internal readonly record struct DecodedText(string Text, int ByteCount, bool Truncated, string? UnknownCharset);
