namespace Omnichannel.Core.Ports;

/// <summary>
/// Where a conversation's replies go: the chat, its type (<c>private</c>, <c>group</c>, <c>supergroup</c>), the forum
/// topic, and the customer's latest message (replies in groups quote it so its sender sees whom they answer).
/// </summary>
public sealed record TelegramChatRoute(string Bot, long ChatId, string ChatType, long LastMessageId, int? MessageThreadId);
