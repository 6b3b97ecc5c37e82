using Omnichannel.Core.Inbound;
namespace Omnichannel.Core.Ports;

/// <summary>
/// The email channel's own state per mailbox (account): the IMAP cursor, the Message-ID → thread map used to thread
/// replies (ours and the customers'), the conversation → thread map replies are sent in, the Message-IDs of each thread
/// for References, which replies went out, and the lease that keeps one node per mailbox. Each write is atomic.
/// </summary>
public interface IMailboxStateStore
{
    Task<MailboxCursor?> GetCursorAsync(string mailbox, CancellationToken cancellationToken = default);

    /// <summary>Sets the cursor (first start, or a folder whose UIDVALIDITY changed).</summary>
    Task SetCursorAsync(string mailbox, MailboxCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a stored message and moves the cursor to its UID (never backwards) in one step, so a crash before this
    /// only means the message is fetched again and found a duplicate.
    /// </summary>
    Task RecordIngestedAsync(string mailbox, IngestedMail mail, CancellationToken cancellationToken = default);

    /// <summary>Moves the cursor past a message that is not stored (unreadable, our own copy), never backwards.</summary>
    Task SkipAsync(string mailbox, uint uidValidity, uint uid, CancellationToken cancellationToken = default);

    /// <summary>True when the ingest already stored the message with this external id in this mailbox.</summary>
    Task<bool> IsIngestedAsync(string mailbox, string externalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The thread a new mail belongs to: the first of <paramref name="messageIds"/> (most relevant first) that is a known
    /// Message-ID, else the thread of the conversation <paramref name="answers"/> names (from one of our own
    /// Message-IDs) when its reply is an outbound message of that conversation, else the thread last seen for
    /// <paramref name="subjectKey"/> within its window; null when none.
    /// </summary>
    Task<string?> FindThreadAsync(string mailbox, IReadOnlyList<string> messageIds, ConversationContinuation? answers,
        string? subjectKey, CancellationToken cancellationToken = default);

    /// <summary>The thread a conversation's replies go out in; null when the conversation did not come from this mailbox.</summary>
    Task<string?> GetConversationThreadAsync(string mailbox, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Message-IDs of the thread, oldest first (the root and the latest ones).</summary>
    Task<IReadOnlyList<string>> GetThreadMessageIdsAsync(string mailbox, string threadKey, CancellationToken cancellationToken = default);

    /// <summary>Records our outgoing Message-ID in its thread before it is sent, so an answer to it threads at once.</summary>
    Task RecordOutgoingAsync(string mailbox, string threadKey, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Marks a reply as handed to the SMTP server; after a crash it is not sent again.</summary>
    Task MarkSentAsync(string mailbox, string outboundMessageId, CancellationToken cancellationToken = default);

    Task<bool> WasSentAsync(string mailbox, string outboundMessageId, CancellationToken cancellationToken = default);

    /// <summary>Takes or renews the mailbox's lease for <paramref name="holder"/>; false while another node holds it.</summary>
    Task<bool> HoldLeaseAsync(string mailbox, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> still has it, so another node takes over at once.</summary>
    Task ReleaseLeaseAsync(string mailbox, string holder, CancellationToken cancellationToken = default);
}
