namespace Omnichannel.Core.Ports;

/// <summary>A stored Telegram message and what it says about its chat and sender.</summary>
public sealed record TelegramInbound(
    string Bot,
    string ConversationId,
    string ContactId,
    long ChatId,
    string ChatType,
    long MessageId,
    int? MessageThreadId,
    string? Username,
    string? StartPayload);
