namespace Omnichannel.Channels.Telegram;

/// <summary>
/// What <see cref="TelegramUpdateMapper"/> made of one update: a customer message to ingest, or a skip with its reason.
/// Both carry the update id, because the poller advances its offset past skipped updates too.
/// </summary>
public abstract record TelegramMappingResult(int UpdateId);
