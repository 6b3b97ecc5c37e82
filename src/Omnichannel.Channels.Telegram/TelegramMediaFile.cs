namespace Omnichannel.Channels.Telegram;

/// <summary>
/// One file of a message. <see cref="FileName"/> and <see cref="ContentType"/> are never empty: Telegram sends neither for
/// photos or voice messages, so they are derived from the kind. <see cref="FileSize"/> is Telegram's figure, when it sent one.
/// </summary>
public sealed record TelegramMediaFile(
    TelegramMediaKind Kind,
    string FileId,
    string FileUniqueId,
    long? FileSize,
    string FileName,
    string ContentType);
