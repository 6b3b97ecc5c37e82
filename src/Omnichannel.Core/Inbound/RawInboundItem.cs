namespace Omnichannel.Core.Inbound;

/// <summary>The raw bytes of an item; the caller owns the stream.</summary>
public sealed record RawInboundItem(Stream Content, long Length);
