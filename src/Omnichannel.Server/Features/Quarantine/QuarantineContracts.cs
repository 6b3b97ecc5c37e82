using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>One quarantined inbound item, without its raw bytes.</summary>
public sealed record QuarantineItemDto(
    string Id,
    string Channel,
    string Account,
    string Item,
    string Reason,
    int Attempts,
    DateTimeOffset QuarantinedAt,
    long RawBytes,
    bool RawKept)
{
    public static QuarantineItemDto From(QuarantineEntry entry) => new(
        entry.Id, entry.Item.Channel, entry.Item.Account, entry.Item.ItemId, entry.Reason, entry.Attempts, entry.At,
        entry.RawBytes, entry.HasInlineRaw || entry.RawBlobKey is not null);
}

/// <summary>Newest first; pass <see cref="NextOffset"/> back as <c>offset</c> to read on.</summary>
public sealed record QuarantineListDto(IReadOnlyList<QuarantineItemDto> Items, int? NextOffset);

/// <summary>What a retry did: the item is stored and out of quarantine.</summary>
public sealed record QuarantineRetryDto(string Id, string Outcome);
