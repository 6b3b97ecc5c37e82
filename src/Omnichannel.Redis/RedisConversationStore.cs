using System.Globalization;
using System.Text.Json;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Conversations, messages and contacts in Redis. Key schema (prefix <c>oc:{ws}:</c>, details in docs/store.md):
/// <code>
/// conv:{id}                         hash   conversation fields (status, assigneeId, queue, msgSeq, ...)
/// conv:{id}:messages                zset   message ids, score = per-conversation sequence
/// msg:{id}                          hash   message fields
/// contact:{id}                      hash   contact fields
/// contact:{id}:identities           set    "kind:value"
/// contact:{id}:conversations        zset   conversation ids by creation time
/// contacts                          zset   contact ids by creation time
/// identity                          hash   "kind:value" -> contact id
/// thread:{channel}:{account}:{key}  string the thread's conversation id (RedisKeys.Thread)
/// dedup:{channel}:{account}:{ext}   string "conversationId|messageId|contactId" of a stored inbound message
/// idx:all[:{status}]                zset   conversation ids, score = last activity (ms)
/// idx:agent:{agent}[:{status}]      zset   the agent's conversations
/// idx:unassigned:{queue}[:{status}] zset   conversations waiting in a queue
/// idx:unassigned-all[:{status}]     zset   conversations waiting in any queue
/// snoozed                           zset   snoozed conversation ids, score = wake time (ms)
/// outbox:{channel}                  list   outbound message ids waiting for their channel sender
/// events:seq / events               string / zset  workspace event log: sequence and capped JSON entries
/// </code>
/// Every write is one Lua script (see Scripts/), so two nodes never interleave half-done changes.
/// </summary>
public sealed class RedisConversationStore(RedisConnection connection) : IConversationStore
{
    private readonly RedisKeys _keys = connection.Keys;

    private RedisValue[] CommonArgs(DateTimeOffset now) =>
        [_keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity];

    // One key declared per script: it routes the call to the workspace's slot (every key shares the hash tag).
    private RedisKey[] SlotKey => [_keys.EventSequence];

    public async Task<IngestResult> IngestAsync(InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var call = IngestCall(message, now);
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.Ingest, call))!;
        return new IngestResult(
            ConversationId: (string)result[0]!,
            MessageId: (string)result[1]!,
            ContactId: (string)result[2]!,
            Duplicate: (int)result[3] == 1,
            ConversationCreated: (int)result[4] == 1,
            Reopened: (int)result[5] == 1,
            EventSequence: (long)result[6],
            PreviousStatus: ConversationStatusText.TryParse((string?)result[7], out var previous) ? previous : null,
            ConversationEventSequence: (long)result[8],
            Assignments: AssignmentChanges.Parse(result[9]));
    }

    /// <summary>
    /// The keys and arguments of ingest.lua for one message, and the undo journal it writes (null when the
    /// connection keeps none). The journal is named after the new message id: unique and time-ordered.
    /// </summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) IngestCall(
        InboundMessage message, DateTimeOffset now)
    {
        var messageId = Ids.New();
        var journal = connection.NewJournal(messageId);
        var identities = new List<string> { message.Sender.ToString() };
        identities.AddRange(message.OtherIdentities.Select(i => i.ToString()).Where(i => i != identities[0]).Distinct(StringComparer.Ordinal));
        var claims = message.ClaimedIdentities.Select(i => i.ToString()).Except(identities, StringComparer.Ordinal).ToList();

        var args = new List<RedisValue>(CommonArgs(now))
        {
            $"{message.Channel}:{message.Account}:{message.ExternalId}",
            message.Channel,
            message.Account,
            message.Queue,
            message.ThreadKey is { } thread ? ThreadName(message.Channel, message.Account, thread) : "",
            message.Subject ?? "",
            message.SenderName ?? "",
            Ids.New(),
            Ids.New(),
            messageId,
            identities.Count,
            message.Automated ? "1" : "0",
            message.Continues?.ConversationId ?? "",
            message.Continues?.ReplyId ?? "",
            // The former key as it was written then: the supplied key, unescaped.
            message.FormerThreadKey is { } former ? $"thread:{message.Channel}:{message.Account}:{former}" : "",
            claims.Count,
        };
        args.AddRange(identities.Select(i => (RedisValue)i));
        args.AddRange(claims.Select(i => (RedisValue)i));
        args.AddRange(["text", message.Text, "externalId", message.ExternalId]);
        if (message.SenderName is not null)
        {
            args.AddRange(["authorName", message.SenderName]);
        }

        if (message.Html is not null)
        {
            args.AddRange(["html", message.Html]);
        }

        if (message.Attachments.Count > 0)
        {
            args.AddRange(["attachments", JsonSerializer.Serialize([.. message.Attachments], StoreJsonContext.Default.AttachmentInfoArray)]);
        }

        return (connection.JournalKeys(journal), [.. args], journal);
    }

    // ingest.lua gets key names after the prefix.
    private string ThreadName(string channel, string account, string threadKey) =>
        _keys.Thread(channel, account, threadKey)[_keys.Prefix.Length..];

    public async Task<AppendResult?> AppendOutboundAsync(OutboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var call = AppendOutboundCall(message, now);
        var result = await connection.EvaluateJournaledAsync(LuaScripts.AppendOutbound, call);
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new AppendResult((string)values[0]!, (long)values[1], (string)values[2]!, Duplicate: (long)values[1] == 0);
    }

    /// <summary>
    /// The keys and arguments of append_outbound.lua for one reply or note, and its undo journal (null when the
    /// connection keeps none), named after the new message id.
    /// </summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) AppendOutboundCall(
        OutboundMessage message, DateTimeOffset now)
    {
        if (message.MessageId is { } named && !Ids.IsWellFormed(named))
        {
            throw new ArgumentException($"'{named}' is no message id.", nameof(message));
        }

        var messageId = message.MessageId ?? Ids.New();
        var journal = connection.NewJournal(messageId);
        var args = new List<RedisValue>(CommonArgs(now))
        {
            message.ConversationId,
            messageId,
            message.IsPrivate ? "1" : "0",
            message.AuthorKind.ToString().ToLowerInvariant(),
            message.AuthorId,
            "text",
            message.Text,
        };
        if (message.AuthorName is not null)
        {
            args.AddRange(["authorName", message.AuthorName]);
        }

        if (message.Attachments.Count > 0)
        {
            args.AddRange(["attachments", JsonSerializer.Serialize([.. message.Attachments], StoreJsonContext.Default.AttachmentInfoArray)]);
        }

        return (connection.JournalKeys(journal), [.. args], journal);
    }

    public async Task<StatusChangeResult?> ChangeStatusAsync(string conversationId, ConversationStatus status, DateTimeOffset? snoozedUntil, string? actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ChangeStatus,
            ChangeStatusCall(conversationId, status, snoozedUntil, actorId, now));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new StatusChangeResult(ConversationStatusText.Parse((string)values[0]!), ConversationStatusText.Parse((string)values[1]!), (long)values[2]);
    }

    /// <summary>The keys and arguments of change_status.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) ChangeStatusCall(string conversationId,
        ConversationStatus status, DateTimeOffset? snoozedUntil, string? actorId, DateTimeOffset now)
    {
        var journal = connection.NewJournal();
        RedisValue[] args =
        [
            .. CommonArgs(now), conversationId, status.ToText(),
            snoozedUntil is { } until ? HashMapping.Ms(until) : "", actorId ?? "",
        ];
        return (connection.JournalKeys(journal), args, journal);
    }

    /// <summary>The keys and arguments of assign.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) AssignCall(string conversationId,
        string? agentId, string reason, string? actorId, DateTimeOffset now, string? note = null)
    {
        var journal = connection.NewJournal();
        RedisValue[] args = [.. CommonArgs(now), conversationId, agentId ?? "", reason, actorId ?? "", note ?? ""];
        return (connection.JournalKeys(journal), args, journal);
    }

    // KEYS: identity index, contact hash, contact identities. ARGV: 1 "kind:value", 2 contact id, 3 email or '', 4 now ms.
    private const string AddIdentityScript = """
        if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
        local owner = redis.call('HGET', KEYS[1], ARGV[1])
        if owner and owner ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[1])
        if ARGV[3] ~= '' then redis.call('HSETNX', KEYS[2], 'email', ARGV[3]) end
        redis.call('HSET', KEYS[2], 'updatedAt', ARGV[4])
        return 1
        """;

    public async Task<string?> FindThreadConversationAsync(string channel, string account, string threadKey, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var id = await db.StringGetAsync(_keys.Thread(channel, account, threadKey));
        return id.IsNull ? null : (string?)id;
    }

    public async Task<bool> AddContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var email = identity.Kind == IdentityKinds.Email ? identity.Value : "";
        var added = await connection.EvaluateAsync(db, AddIdentityScript,
            [_keys.Prefix + "identity", _keys.Contact(contactId), _keys.ContactIdentities(contactId)],
            [identity.ToString(), contactId, email, HashMapping.Ms(now)]);
        return (int)added == 1;
    }

    // KEYS: contact hash, claimed set, identities set. ARGV: 1 "kind:value", 2 email or '', 3 now ms.
    private const string ClaimIdentityScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return 1 end
        redis.call('SADD', KEYS[2], ARGV[1])
        if ARGV[2] ~= '' and redis.call('HEXISTS', KEYS[1], 'email') == 0 then
          redis.call('HSET', KEYS[1], 'email', ARGV[2], 'emailClaimed', '1')
        end
        redis.call('HSET', KEYS[1], 'updatedAt', ARGV[3])
        return 1
        """;

    public async Task<bool> ClaimContactIdentityAsync(string contactId, ContactIdentity identity, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var email = identity.Kind == IdentityKinds.Email ? identity.Value : "";
        var added = await connection.EvaluateAsync(db, ClaimIdentityScript,
            [_keys.Contact(contactId), _keys.ContactClaimed(contactId), _keys.ContactIdentities(contactId)],
            [identity.ToString(), email, HashMapping.Ms(now)]);
        return (int)added == 1;
    }

    public async Task<ContactMergeResult?> MergeContactsAsync(string intoId, string fromId, string actorId,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var call = MergeContactsCall(intoId, fromId, actorId, now);
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ContactMerge, call);
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new ContactMergeResult((int)values[0], (int)values[1], (long)values[2],
            [.. values.Skip(3).Select(v => (string)v!)]);
    }

    /// <summary>The keys and arguments of contact_merge.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) MergeContactsCall(string intoId, string fromId,
        string actorId, DateTimeOffset now)
    {
        var journal = connection.NewJournal();
        RedisValue[] args = [.. CommonArgs(now), intoId, fromId, actorId];
        return (connection.JournalKeys(journal), args, journal);
    }

    public async Task<AssignmentResult?> AssignAsync(string conversationId, string? agentId, string reason, string? actorId, DateTimeOffset now, string? note = null, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.Assign,
            AssignCall(conversationId, agentId, reason, actorId, now, note));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        static string? Agent(RedisResult value) => (string?)value is { Length: > 0 } id ? id : null;
        return new AssignmentResult(Agent(values[0]), Agent(values[1]), (long)values[2]);
    }

    public async Task<IReadOnlyList<WokenConversation>> WakeSnoozedAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.WakeSnoozed, WakeSnoozedCall(now));
        if (result.IsNull)
        {
            return [];
        }

        var values = (RedisResult[])result!;
        return [.. values.Chunk(2).Select(pair => new WokenConversation((string)pair[0]!, (long)pair[1]))];
    }

    /// <summary>The keys and arguments of wake_snoozed.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) WakeSnoozedCall(DateTimeOffset now) =>
        connection.JournaledCall([.. CommonArgs(now), 500]);

    public async Task<Conversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Conversation(conversationId));
        return entries.Length == 0 ? null : HashMapping.ToConversation(HashMapping.ToDictionary(entries));
    }

    public async Task<Page<Conversation>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        var status = query.Status?.ToText();
        RedisKey[] sources = query.View switch
        {
            ConversationView.All => [_keys.IndexAll(status)],
            ConversationView.Mine => [_keys.IndexAgent(query.AgentId ?? throw new ArgumentException("Mine needs an agent.", nameof(query)), status)],
            ConversationView.Unassigned when query.Queues is null => [_keys.IndexUnassignedAll(status)],
            ConversationView.Unassigned => [.. query.Queues.Distinct(StringComparer.Ordinal).Select(q => (RedisKey)_keys.IndexUnassigned(q, status))],
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };

        var db = await connection.DatabaseAsync();
        var (ids, next) = await IndexPaging.PageAsync(db, sources, query.Cursor, query.Limit);
        var conversations = await LoadAsync(db, ids, id => _keys.Conversation(id), HashMapping.ToConversation);
        return new Page<Conversation>(conversations, next);
    }

    public async Task<Page<Message>> ListMessagesAsync(string conversationId, string? before, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var max = double.PositiveInfinity;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var beforeSeq))
            {
                throw new FormatException("The cursor is not valid.");
            }

            max = beforeSeq;
        }

        var entries = await db.SortedSetRangeByScoreWithScoresAsync(
            _keys.ConversationMessages(conversationId), max, double.NegativeInfinity, Exclude.Start, Order.Descending, 0, limit + 1);
        var page = entries.Take(limit).ToList();
        var messages = await LoadAsync(db, [.. page.Select(e => (string)e.Element!)], id => _keys.Message(id), HashMapping.ToMessage);
        var next = entries.Length > limit ? ((long)page[^1].Score).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<Message>(messages, next);
    }

    public async Task<Message?> GetMessageAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Message(messageId));
        return entries.Length == 0 ? null : HashMapping.ToMessage(HashMapping.ToDictionary(entries));
    }

    public async Task<Contact?> GetContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var fields = db.HashGetAllAsync(_keys.Contact(contactId));
        var identities = db.SetMembersAsync(_keys.ContactIdentities(contactId));
        var claimed = db.SetMembersAsync(_keys.ContactClaimed(contactId));
        var entries = await fields;
        if (entries.Length == 0)
        {
            return null;
        }

        return HashMapping.ToContact(HashMapping.ToDictionary(entries), (await identities).Select(v => (string)v!),
            (await claimed).Select(v => (string)v!));
    }

    public async Task<IReadOnlyList<Conversation>> ListContactConversationsAsync(string contactId, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.ContactConversations(contactId), 0, limit - 1, Order.Descending);
        return await LoadAsync(db, [.. ids.Select(v => (string)v!)], id => _keys.Conversation(id), HashMapping.ToConversation);
    }

    public async Task<IReadOnlyList<StoreEvent>> ReadEventsAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.SortedSetRangeByScoreAsync(_keys.Events, afterSequence, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit);
        return [.. entries.Select(e =>
        {
            var stored = JsonSerializer.Deserialize((string)e!, StoreJsonContext.Default.StoredEvent)!;
            // The scripts get "no actor" as an empty argument and record it as such; callers see null.
            var actorId = string.IsNullOrEmpty(stored.ActorId) ? null : stored.ActorId;
            return new StoreEvent(stored.Seq, stored.Type, stored.ConversationId, stored.MessageId, HashMapping.FromMs(stored.At), actorId);
        })];
    }

    public async Task<long> LastEventSequenceAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var value = await db.StringGetAsync(_keys.EventSequence);
        return value.IsNull ? 0 : (long)value;
    }

    private static async Task<IReadOnlyList<T>> LoadAsync<T>(IDatabase db, IReadOnlyList<string> ids, Func<string, RedisKey> key, Func<Dictionary<string, string>, T> map)
    {
        // One round trip: the multiplexer pipelines these reads.
        var reads = ids.Select(id => db.HashGetAllAsync(key(id))).ToArray();
        var results = await Task.WhenAll(reads);
        return [.. results.Where(r => r.Length > 0).Select(r => map(HashMapping.ToDictionary(r)))];
    }
}
