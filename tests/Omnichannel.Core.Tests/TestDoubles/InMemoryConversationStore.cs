using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Core.Tests.TestDoubles;

/// <summary>
/// A small stand-in for our own store port. It keeps the semantics the handlers rely on (dedup by source id,
/// one current conversation per thread, reopen when resolved, previous/current on changes) and records each call.
/// </summary>
internal sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Account, string ExternalId), IngestResult> _ingested = [];
    private readonly Dictionary<ContactIdentity, string> _contactsByIdentity = [];
    private readonly Dictionary<(string Channel, string Account, string ContactId, string? ThreadKey), string> _threads = [];
    private readonly List<string> _calls = [];
    private long _sequence;
    private int _nextId;

    /// <summary>Names of the port methods called, in order.</summary>
    public IReadOnlyList<string> Calls => _calls;

    public List<InboundMessage> IngestedMessages { get; } = [];

    public List<OutboundMessage> OutboundMessages { get; } = [];

    /// <summary>The <c>now</c> argument of the last mutating call.</summary>
    public DateTimeOffset? LastNow { get; private set; }

    public Conversation Add(Conversation conversation)
    {
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    public Conversation Get(string conversationId) => _conversations[conversationId];

    public Task<IngestResult> IngestAsync(InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Record(nameof(IngestAsync), now);
        IngestedMessages.Add(message);
        if (_ingested.TryGetValue((message.Channel, message.Account, message.ExternalId), out var earlier))
        {
            return Task.FromResult(earlier with { Duplicate = true, ConversationCreated = false, Reopened = false });
        }

        if (!_contactsByIdentity.TryGetValue(message.Sender, out var contactId))
        {
            contactId = NewId("contact");
            _contactsByIdentity[message.Sender] = contactId;
        }

        var thread = (message.Channel, message.Account, contactId, message.ThreadKey);
        bool created = false, reopened = false;
        ConversationStatus? previousStatus = null;
        Conversation conversation;
        if (_threads.TryGetValue(thread, out var conversationId) && message.Automated)
        {
            // Recorded only, as the store does: status and assignee stay.
            conversation = _conversations[conversationId] with { MessageCount = _conversations[conversationId].MessageCount + 1 };
        }
        else if (_threads.TryGetValue(thread, out conversationId))
        {
            var current = _conversations[conversationId];
            previousStatus = current.Status;
            reopened = current.Status == ConversationStatus.Resolved;
            conversation = current with
            {
                Status = ConversationStatus.Open,
                SnoozedUntil = null,
                LastActivityAt = now,
                MessageCount = current.MessageCount + 1,
            };
        }
        else
        {
            created = true;
            conversation = new Conversation(
                NewId("conv"), message.Channel, message.Account, contactId, message.Automated ? ConversationStatus.Resolved : ConversationStatus.Open, null, message.Queue, "standard",
                message.Subject, now, now, null, null, [], 1);
            _threads[thread] = conversation.Id;
        }

        _conversations[conversation.Id] = conversation;
        var conversationSequence = created || reopened || previousStatus is ConversationStatus.Pending or ConversationStatus.Snoozed ? ++_sequence : 0;
        var result = new IngestResult(conversation.Id, NewId("msg"), contactId, false, created, reopened, ++_sequence,
            created ? null : previousStatus, conversationSequence);
        _ingested[(message.Channel, message.Account, message.ExternalId)] = result;
        return Task.FromResult(result);
    }

    public Task<AppendResult?> AppendOutboundAsync(OutboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Record(nameof(AppendOutboundAsync), now);
        if (!_conversations.TryGetValue(message.ConversationId, out var conversation))
        {
            return Task.FromResult<AppendResult?>(null);
        }

        OutboundMessages.Add(message);
        return Task.FromResult<AppendResult?>(new AppendResult(NewId("msg"), ++_sequence, conversation.Channel));
    }

    public Task<StatusChangeResult?> ChangeStatusAsync(string conversationId, ConversationStatus status, DateTimeOffset? snoozedUntil, string? actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Record(nameof(ChangeStatusAsync), now);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<StatusChangeResult?>(null);
        }

        _conversations[conversationId] = conversation with { Status = status, SnoozedUntil = snoozedUntil };
        return Task.FromResult<StatusChangeResult?>(new StatusChangeResult(conversation.Status, status, ++_sequence));
    }

    public Task<string?> FindThreadConversationAsync(string channel, string account, string threadKey, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the Core tests.");

    public Task<bool> AddContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the Core tests.");

    public Task<bool> ClaimContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the Core tests.");

    public Task<ContactMergeResult?> MergeContactsAsync(string intoId, string fromId, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not used by the Core tests.");

    public Task<AssignmentResult?> AssignAsync(string conversationId, string? agentId, string reason, string? actorId, DateTimeOffset now, string? note = null, CancellationToken cancellationToken = default)
    {
        Record(nameof(AssignAsync), now);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<AssignmentResult?>(null);
        }

        _conversations[conversationId] = conversation with { AssigneeId = agentId };
        return Task.FromResult<AssignmentResult?>(new AssignmentResult(conversation.AssigneeId, agentId, ++_sequence));
    }

    public Task<Conversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _calls.Add(nameof(GetConversationAsync));
        return Task.FromResult(_conversations.GetValueOrDefault(conversationId));
    }

    // The handlers under test never read lists, messages, contacts or the event log.
    public Task<IReadOnlyList<WokenConversation>> WakeSnoozedAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Page<Conversation>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Page<Message>> ListMessagesAsync(string conversationId, string? before, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Message?> GetMessageAsync(string messageId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Contact?> GetContactAsync(string contactId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Conversation>> ListContactConversationsAsync(string contactId, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<StoreEvent>> ReadEventsAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<long> LastEventSequenceAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private void Record(string call, DateTimeOffset now)
    {
        _calls.Add(call);
        LastNow = now;
    }

    private string NewId(string prefix) => $"{prefix}-{++_nextId}";
}
