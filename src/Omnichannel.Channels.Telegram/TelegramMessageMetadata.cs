using Omnichannel.Core.Inbound;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Channels.Telegram;

/// <summary>Telegram facts about a mapped message that <see cref="InboundMessage"/> has no place for.</summary>
public sealed record TelegramMessageMetadata
{
    public required int UpdateId { get; init; }

    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required ChatType ChatType { get; init; }

    /// <summary>Group and supergroup title; null in private chats.</summary>
    public string? ChatTitle { get; init; }

    /// <summary>Forum topic of a supergroup message; a reply must name it to land in the same topic.</summary>
    public int? MessageThreadId { get; init; }

    public required long UserId { get; init; }

    /// <summary>The sender's @username without the @, when they have one. It can change: it is not an identity.</summary>
    public string? Username { get; init; }

    /// <summary>IETF language tag of the sender's Telegram client, e.g. <c>de</c>.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>What the message carries, as Telegram.Bot classifies it.</summary>
    public required MessageType ContentType { get; init; }

    /// <summary>True for an <c>edited_message</c>: the message already arrived once, this is its new content.</summary>
    public required bool IsEdit { get; init; }

    /// <summary>For an edit, the external id the original message was ingested under (<c>{chatId}:{messageId}</c>).</summary>
    public string? EditedExternalId { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>The message this one answers, in the same chat.</summary>
    public int? ReplyToMessageId { get; init; }

    /// <summary>Albums arrive as one message per item sharing this id.</summary>
    public string? MediaGroupId { get; init; }

    /// <summary>The deep-link payload of <c>/start PAYLOAD</c> (<c>t.me/bot?start=PAYLOAD</c>): where the contact came from.</summary>
    public string? StartPayload { get; init; }

    /// <summary>Files to fetch with <c>getFile</c> and keep as attachments.</summary>
    public IReadOnlyList<TelegramMediaFile> Media { get; init; } = [];
}
