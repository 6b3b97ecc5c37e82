namespace Omnichannel.Core.Ports;

/// <summary>
/// What the Telegram channel keeps between updates, per bot: its <c>getUpdates</c> cursor and poller lease, the chat a
/// conversation lives in, the Telegram message ids of replies already sent, and chats that refuse the bot. Each method
/// is one atomic store operation.
/// </summary>
public interface ITelegramStateStore
{
    /// <summary>The next <c>offset</c> to ask <c>getUpdates</c> for; 0 when the bot has never acknowledged an update.</summary>
    Task<long> GetOffsetAsync(string bot, CancellationToken cancellationToken = default);

    /// <summary>Moves the cursor to <paramref name="offset"/> unless it is already there or further: it never goes back.</summary>
    Task AdvanceOffsetAsync(string bot, long offset, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the bot's poller lease for <paramref name="holder"/>, or renews it when the holder already has it; false while
    /// another holder's lease runs. Only the holder polls, so one node at a time calls <c>getUpdates</c>.
    /// </summary>
    Task<bool> TryHoldPollerLeaseAsync(string bot, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (on shutdown) so another node takes over at once; only when <paramref name="holder"/> still has it.</summary>
    Task ReleasePollerLeaseAsync(string bot, string holder, CancellationToken cancellationToken = default);

    /// <summary>
    /// After a message of the chat was stored: remembers where the conversation's replies go, keeps the contact's Telegram
    /// attributes (username, first <c>/start</c> source) up to date, and clears the chat's unreachable mark (it wrote again).
    /// </summary>
    Task RecordInboundAsync(TelegramInbound inbound, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Where replies in the conversation go; null when no Telegram message of it was recorded.</summary>
    Task<TelegramChatRoute?> GetRouteAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Telegram message ids of the parts of reply <paramref name="messageId"/> already sent, by part index.</summary>
    Task<IReadOnlyDictionary<int, long>> GetSentPartsAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Records that part <paramref name="part"/> of a reply went out as Telegram message <paramref name="telegramMessageId"/>.</summary>
    Task RecordSentPartAsync(string messageId, int part, long chatId, long telegramMessageId, CancellationToken cancellationToken = default);

    /// <summary>Marks the chat as refusing the bot (blocked, kicked, deactivated) and the contact unreachable on Telegram.</summary>
    Task MarkUnreachableAsync(string bot, long chatId, string contactId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Why the chat refuses the bot, or null when it does not.</summary>
    Task<string?> GetUnreachableAsync(string bot, long chatId, CancellationToken cancellationToken = default);
}
