namespace Omnichannel.Channels.Telegram;

/// <summary>How a bot receives its updates.</summary>
public enum TelegramBotMode
{
    /// <summary>Long polling with <c>getUpdates</c>; works behind NAT and needs no public URL.</summary>
    Polling,

    /// <summary>Telegram POSTs each update to <see cref="TelegramBotOptions.WebhookUrl"/>.</summary>
    Webhook,
}
