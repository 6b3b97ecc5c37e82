namespace Omnichannel.Channels.Telegram;

public enum TelegramMediaKind
{
    Photo,
    Document,
    Voice,
    Video,
    VideoNote,
    Audio,
    Animation,
    Sticker,
}
