namespace Omnichannel.Channels.Telegram;

/// <summary>An update that is not a customer message. <see cref="Detail"/> is a short English reason for the log.</summary>
public sealed record TelegramSkippedUpdate(int UpdateId, TelegramSkipReason Reason, string Detail)
    : TelegramMappingResult(UpdateId);
