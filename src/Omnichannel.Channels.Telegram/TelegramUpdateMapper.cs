using System.Globalization;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TelegramMessage = Telegram.Bot.Types.Message;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Turns one Bot API update into a customer message, or says why it is none. No I/O: the poller and the webhook call it
/// and do the fetching and storing.
/// <list type="bullet">
/// <item>Accepted: <c>message</c> and <c>edited_message</c> from a person in a private chat, a group or a supergroup.
/// A group is one conversation (<see cref="InboundMessage.ThreadKey"/> <c>chat:{chatId}</c>) and each sender its own contact.
/// Groups deliver what the bot's privacy mode lets through (commands, replies to the bot, mentions when it is on;
/// everything when it is off), and all of that is taken in.</item>
/// <item>External id: <c>{chatId}:{messageId}</c>; an edit is <c>{chatId}:{messageId}:edit:{edit_date}</c>, so a redelivered
/// update is stored once and each edit once.</item>
/// <item>Text: the text or caption as sent (entities only format it; no HTML is made). A message without either gets a
/// label such as <c>[photo]</c> or <c>[voice message 0:07]</c>, so a photo-only first message still opens a conversation.</item>
/// <item>Skipped (see <see cref="TelegramSkipReason"/>): other update types, channel posts, messages sent as a chat or by a bot,
/// service messages, content this library version does not know, and live-location moves.</item>
/// </list>
/// </summary>
public static class TelegramUpdateMapper
{
    public static TelegramMappingResult Map(Update update, string botName, string queue = "default")
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(botName);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);

        return update switch
        {
            { Message: { } message } => MapMessage(update.Id, message, isEdit: false, botName, queue),
            { EditedMessage: { } message } => MapMessage(update.Id, message, isEdit: true, botName, queue),
            { ChannelPost: not null } or { EditedChannelPost: not null } =>
                Skip(update.Id, TelegramSkipReason.ChannelPost, "channel posts are broadcasts, not customer messages"),
            { Type: UpdateType.Unknown } =>
                Skip(update.Id, TelegramSkipReason.UnknownUpdateType, "update type unknown to this Telegram.Bot version"),
            _ => Skip(update.Id, TelegramSkipReason.UnhandledUpdateType, $"{update.Type} updates are not customer messages"),
        };
    }

    /// <summary>The external id a new message is ingested under.</summary>
    public static string ExternalId(long chatId, int messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");

    /// <summary>The conversation a chat's messages share.</summary>
    public static string ThreadKey(long chatId) => string.Create(CultureInfo.InvariantCulture, $"chat:{chatId}");

    private static TelegramMappingResult MapMessage(int updateId, TelegramMessage message, bool isEdit, string botName, string queue)
    {
        var chat = message.Chat;
        if (chat.Type == ChatType.Channel)
        {
            return Skip(updateId, TelegramSkipReason.ChannelPost, "message in a channel");
        }

        if (chat.Type is not (ChatType.Private or ChatType.Group or ChatType.Supergroup))
        {
            return Skip(updateId, TelegramSkipReason.UnsupportedChatType, $"chat type {(int)chat.Type} is not private, group or supergroup");
        }

        if (message.SenderChat is not null)
        {
            return Skip(updateId, TelegramSkipReason.SentOnBehalfOfChat, "sent on behalf of a chat, not by a person");
        }

        if (message.From is not { } from)
        {
            return Skip(updateId, TelegramSkipReason.NoSender, "message without a sender");
        }

        if (from.IsBot)
        {
            return Skip(updateId, TelegramSkipReason.FromBot, "sent by a bot");
        }

        var content = TelegramMessageContent.Read(message);
        var caption = string.IsNullOrWhiteSpace(message.Caption) ? null : message.Caption;
        if (content is null && caption is null)
        {
            return message.Type == MessageType.Unknown
                ? Skip(updateId, TelegramSkipReason.UnsupportedContent, "content unknown to this Telegram.Bot version")
                : Skip(updateId, TelegramSkipReason.ServiceMessage, $"{message.Type} service message");
        }

        if (isEdit && message.Location is { LivePeriod: > 0 })
        {
            return Skip(updateId, TelegramSkipReason.LiveLocationUpdate, "live location moved");
        }

        var text = message.Text ?? caption ?? content?.Label ?? "";
        var originalId = ExternalId(chat.Id, message.Id);
        DateTimeOffset? editedAt = message.EditDate is { } edited ? new DateTimeOffset(DateTime.SpecifyKind(edited, DateTimeKind.Utc)) : null;

        var inbound = new InboundMessage
        {
            Channel = ChannelNames.Telegram,
            Account = botName,
            ExternalId = isEdit ? EditId(originalId, editedAt, updateId) : originalId,
            Sender = new ContactIdentity(IdentityKinds.Telegram, from.Id.ToString(CultureInfo.InvariantCulture)),
            SenderName = TelegramText.SingleLine($"{from.FirstName} {from.LastName}", TextRules.MaxNameLength),
            Text = TelegramText.Body(text),
            Subject = chat.Type == ChatType.Private ? null : TelegramText.SingleLine(chat.Title, 998),
            ThreadKey = ThreadKey(chat.Id),
            Queue = queue,
        };

        var metadata = new TelegramMessageMetadata
        {
            UpdateId = updateId,
            ChatId = chat.Id,
            MessageId = message.Id,
            ChatType = chat.Type,
            ChatTitle = chat.Type == ChatType.Private ? null : chat.Title,
            MessageThreadId = message.MessageThreadId,
            UserId = from.Id,
            Username = from.Username,
            LanguageCode = from.LanguageCode,
            ContentType = message.Type,
            IsEdit = isEdit,
            EditedExternalId = isEdit ? originalId : null,
            SentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            EditedAt = editedAt,
            ReplyToMessageId = message.ReplyToMessage?.Id,
            MediaGroupId = message.MediaGroupId,
            StartPayload = isEdit ? null : TelegramStartCommand.Payload(message.Text),
            Media = content?.Media ?? [],
        };

        return new TelegramMappedMessage(updateId, inbound, metadata);
    }

    // Telegram always sends edit_date with an edit; the update id is a stable stand-in should one ever lack it.
    private static string EditId(string originalId, DateTimeOffset? editedAt, int updateId) => editedAt is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"{originalId}:edit:{at.ToUnixTimeSeconds()}")
        : string.Create(CultureInfo.InvariantCulture, $"{originalId}:edit:u{updateId}");

    private static TelegramSkippedUpdate Skip(int updateId, TelegramSkipReason reason, string detail) => new(updateId, reason, detail);
}
