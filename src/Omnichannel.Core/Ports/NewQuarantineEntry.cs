namespace Omnichannel.Core.Ports;

/// <summary>
/// What is set aside: the item, why, after how many tries, and its raw bytes, either inline (small) or as a blob in
/// <see cref="IBlobStore"/> (large); neither when it was not fetched (a mail over the size limit) or not kept.
/// </summary>
public sealed record NewQuarantineEntry(
    InboundItemRef Item, string Reason, int Attempts, byte[]? InlineRaw, string? RawBlobKey, long RawBytes);
