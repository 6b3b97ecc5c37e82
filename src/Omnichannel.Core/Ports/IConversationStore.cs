using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Shared state of conversations. Every mutating method is one atomic operation in the store and appends
/// one event to the workspace event log; callers pass the time so decisions stay testable.
/// </summary>
public interface IConversationStore
{
    Task<IngestResult> IngestAsync(InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Appends an agent's reply (delivery pending) or a private note. Null when the conversation does not exist.</summary>
    Task<AppendResult?> AppendOutboundAsync(OutboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Null when the conversation does not exist.</summary>
    Task<StatusChangeResult?> ChangeStatusAsync(string conversationId, ConversationStatus status, DateTimeOffset? snoozedUntil, string? actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Assigns (or unassigns with null). Null when the conversation does not exist.</summary>
    Task<AssignmentResult?> AssignAsync(string conversationId, string? agentId, string reason, string? actorId, DateTimeOffset now, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Reopens snoozed conversations whose time has come.</summary>
    Task<IReadOnlyList<WokenConversation>> WakeSnoozedAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<Conversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<Page<Conversation>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Messages newest first; <paramref name="before"/> is a cursor from a previous page.</summary>
    Task<Page<Message>> ListMessagesAsync(string conversationId, string? before, int limit, CancellationToken cancellationToken = default);

    Task<Message?> GetMessageAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The conversation a thread key currently leads to (as ingest would continue it), or null.</summary>
    Task<string?> FindThreadConversationAsync(string channel, string account, string threadKey, CancellationToken cancellationToken = default);

    /// <summary>Adds an identity to a contact (an email a visitor typed in); false when another contact already owns it.</summary>
    Task<bool> AddContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an identity the contact only claims (an email typed into a web chat): shown to agents as claimed,
    /// never linked or used to find a contact. False when the contact does not exist.
    /// </summary>
    Task<bool> ClaimContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// An agent's decision that two contacts are one person: <paramref name="fromId"/>'s conversations, identities,
    /// claims and attributes move to <paramref name="intoId"/> (whose own name, email and attributes win), in one
    /// atomic step; <paramref name="fromId"/> stays as a pointer to <paramref name="intoId"/>. Null when either is
    /// missing, already merged, or they are the same.
    /// </summary>
    Task<ContactMergeResult?> MergeContactsAsync(string intoId, string fromId, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    Task<Contact?> GetContactAsync(string contactId, CancellationToken cancellationToken = default);

    /// <summary>The contact's conversations, newest first.</summary>
    Task<IReadOnlyList<Conversation>> ListContactConversationsAsync(string contactId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Events after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<StoreEvent>> ReadEventsAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the newest event (0 when none was ever written): where a rebuilt view resumes.</summary>
    Task<long> LastEventSequenceAsync(CancellationToken cancellationToken = default);
}
