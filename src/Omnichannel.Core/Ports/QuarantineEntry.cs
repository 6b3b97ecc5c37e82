namespace Omnichannel.Core.Ports;

public sealed record QuarantineEntry(
    string Id,
    InboundItemRef Item,
    string Reason,
    int Attempts,
    DateTimeOffset At,
    long RawBytes,
    bool HasInlineRaw,
    string? RawBlobKey);
