namespace Omnichannel.Channels.Telegram;

/// <summary>What a customer sent, as a label for the inbox and the files to fetch; null for service messages.</summary>
internal sealed record MessageContent(string? Label, IReadOnlyList<TelegramMediaFile> Media)
{
    public static readonly MessageContent PlainText = new(null, []);
}
