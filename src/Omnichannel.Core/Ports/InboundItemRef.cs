namespace Omnichannel.Core.Ports;

/// <summary>
/// One inbound item as its channel names it: a mail (<c>{uidvalidity}:{uid}</c>), a Telegram update (its id), an
/// unreadable webhook call (a hash of its body). The same item always gets the same reference, so its attempts add up
/// across retries and restarts and it is quarantined once.
/// </summary>
public sealed record InboundItemRef(string Channel, string Account, string ItemId);
