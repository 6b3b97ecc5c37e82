namespace Omnichannel.Channels.Email.Inbound;

/// <summary>An attachment that was not stored; <see cref="Size"/> is its decoded size in bytes.</summary>
public sealed record SkippedAttachment(string FileName, string ContentType, long Size);
