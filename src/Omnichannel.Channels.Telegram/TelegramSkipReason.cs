namespace Omnichannel.Channels.Telegram;

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
