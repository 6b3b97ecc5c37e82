namespace Omnichannel.Channels.Telegram;

public enum TelegramIngestOutcome
{
    Stored,
    Duplicate,
    Skipped,
    Refused,
}
