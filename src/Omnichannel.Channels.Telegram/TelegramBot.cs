using Telegram.Bot;

namespace Omnichannel.Channels.Telegram;

/// <summary>A configured bot, its client, and its <c>getUpdates</c> read as raw JSON (for the poller).</summary>
public sealed record TelegramBot(TelegramBotOptions Options, ITelegramBotClient Client, TelegramRawUpdates Updates)
{
    public string Name => Options.Name;
}
