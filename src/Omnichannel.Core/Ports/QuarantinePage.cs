namespace Omnichannel.Core.Ports;

public sealed record QuarantinePage(IReadOnlyList<QuarantineEntry> Items, int? NextOffset);
