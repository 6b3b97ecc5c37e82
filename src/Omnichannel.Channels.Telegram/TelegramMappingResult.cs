using Omnichannel.Core.Inbound;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// What <see cref="TelegramUpdateMapper"/> made of one update: a customer message to ingest, or a skip with its reason.
/// Both carry the update id, because the poller advances its offset past skipped updates too.
/// </summary>
public abstract record TelegramMappingResult(int UpdateId);

/// <summary>A customer message, ready for <c>IngestMessage</c>; <see cref="Metadata"/> holds what the channel needs later.</summary>
public sealed record TelegramMappedMessage(int UpdateId, InboundMessage Message, TelegramMessageMetadata Metadata)
    : TelegramMappingResult(UpdateId);

/// <summary>An update that is not a customer message. <see cref="Detail"/> is a short English reason for the log.</summary>
public sealed record TelegramSkippedUpdate(int UpdateId, TelegramSkipReason Reason, string Detail)
    : TelegramMappingResult(UpdateId);

/// <summary>Why an update produced no message. Everything but <see cref="UnknownUpdateType"/> is expected traffic.</summary>
public enum TelegramSkipReason
{
    /// <summary>An update type this Telegram.Bot version does not know (a newer Bot API): log it as a warning.</summary>
    UnknownUpdateType,

    /// <summary>A known update that is not a customer message: callback and inline queries, member changes, polls, reactions, business updates.</summary>
    UnhandledUpdateType,

    /// <summary>A channel post or its edit: channels broadcast to subscribers, nobody there is a customer writing to us.</summary>
    ChannelPost,

    /// <summary>A chat type other than private, group or supergroup (e.g. one newer than this Telegram.Bot version).</summary>
    UnsupportedChatType,

    /// <summary>Sent on behalf of a chat (<c>sender_chat</c>): an anonymous group admin, a linked channel's automatic forward, a user posting as a channel. No person to answer.</summary>
    SentOnBehalfOfChat,

    /// <summary>No <c>from</c>: nobody to make a contact of.</summary>
    NoSender,

    /// <summary>Written by a bot; answering bots would loop.</summary>
    FromBot,

    /// <summary>A service message (members joined or left, title changed, message pinned, payment, ...): chat housekeeping, not a customer writing.</summary>
    ServiceMessage,

    /// <summary>Message content this Telegram.Bot version does not know, with no caption to show.</summary>
    UnsupportedContent,

    /// <summary>An edit that only moves a live location; Telegram sends one every few seconds while the location is shared.</summary>
    LiveLocationUpdate,
}

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
