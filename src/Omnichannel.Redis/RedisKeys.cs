namespace Omnichannel.Redis;

/// <summary>
/// The key schema. Every key starts with <c>oc:{ws}:</c>; the braces make the workspace a Redis Cluster hash tag,
/// so each script touches a single slot. See docs/store.md for the full list and what each key holds.
/// </summary>
public sealed class RedisKeys(string workspace)
{
    public string Prefix { get; } = $"oc:{{{workspace}}}:";

    /// <summary>
    /// A thread's key. <paramref name="threadKey"/> is what a channel supplied; the one internal thread, one per
    /// contact (<c>contact:{id}</c>, built by ingest.lua), lives in a name no supplied key reaches: a supplied key
    /// starting with <c>contact:</c> or <c>~</c> gets a leading <c>~</c> (one-to-one, so two keys never meet).
    /// </summary>
    public string Thread(string channel, string account, string threadKey) =>
        Prefix + "thread:" + channel + ":" + account + ":"
        + (threadKey.StartsWith("contact:", StringComparison.Ordinal) || threadKey.StartsWith('~')
            ? "~" + threadKey
            : threadKey);

    public string Conversation(string id) => Prefix + "conv:" + id;

    public string ConversationMessages(string id) => Prefix + "conv:" + id + ":messages";

    public string Message(string id) => Prefix + "msg:" + id;

    public string Contact(string id) => Prefix + "contact:" + id;

    public string ContactIdentities(string id) => Prefix + "contact:" + id + ":identities";

    public string ContactClaimed(string id) => Prefix + "contact:" + id + ":claimed";

    public string ContactConversations(string id) => Prefix + "contact:" + id + ":conversations";

    public string IndexAll(string? status) => status is null ? Prefix + "idx:all" : Prefix + "idx:all:" + status;

    public string IndexAgent(string agentId, string? status) =>
        status is null ? Prefix + "idx:agent:" + agentId : Prefix + "idx:agent:" + agentId + ":" + status;

    public string IndexUnassigned(string queue, string? status) =>
        status is null ? Prefix + "idx:unassigned:" + queue : Prefix + "idx:unassigned:" + queue + ":" + status;

    /// <summary>Unassigned conversations of every queue (queue ids never contain ':' so this cannot clash).</summary>
    public string IndexUnassignedAll(string? status) =>
        status is null ? Prefix + "idx:unassigned-all" : Prefix + "idx:unassigned-all:" + status;

    public string Events => Prefix + "events";

    public string EventSequence => Prefix + "events:seq";

    /// <summary>The last event the SLA keeper applied (sla_save.lua).</summary>
    public string SlaCursor => Prefix + "sla:cursor";

    /// <summary>Conversations by their next SLA warning or deadline (ms).</summary>
    public string SlaDue => Prefix + "sla:due";

    /// <summary>Conversations owed an escalation for an SLA breach (docs/sla.md).</summary>
    public string SlaEscalate => Prefix + "sla:escalate";

    /// <summary>The undo journal of one unfinished operation (journal.lua, <see cref="JournalRecovery"/>).</summary>
    public string Journal(string operationId) => Prefix + "journal:" + operationId;

    public string Agent(string id) => Prefix + "agent:" + id;

    public string Agents => Prefix + "agents";

    public string AgentsByEmail => Prefix + "agents:by-email";

    public string LoginFailures(string email) => Prefix + "login-failures:" + email;

    /// <summary>An email's failures from one address (no address holds '/': the split is unambiguous).</summary>
    public string LoginFailuresFrom(string email, string source) =>
        Prefix + "login-failures-from:" + source + "/" + email;

    public string Session(string id) => Prefix + "session:" + id;

    public string AgentSessions(string agentId) => Prefix + "agent:" + agentId + ":sessions";

    public string Token(string id) => Prefix + "token:" + id;

    public string Tokens => Prefix + "tokens";

    public string Shift(string id) => Prefix + "shift:" + id;

    public string Shifts => Prefix + "shifts";

    public string SlaPolicy(string id) => Prefix + "sla-policy:" + id;

    public string SlaPolicies => Prefix + "sla-policies";

    public string CannedResponse(string id) => Prefix + "canned:" + id;

    public string CannedResponses => Prefix + "canned-responses";

    /// <summary>Short-code scope (<c>shared:{code}</c>, <c>agent:{id}:{code}</c>) → the canned response holding it.</summary>
    public string CannedShortCodes => Prefix + "canned-codes";

    public string Article(string id) => Prefix + "article:" + id;

    public string Articles => Prefix + "articles";

    public string ArticleCategory(string id) => Prefix + "article-category:" + id;

    public string ArticleCategories => Prefix + "article-categories";

    /// <summary>Category id → how many articles are in it (absent: none); a category in use is not deleted.</summary>
    public string ArticleCategorySizes => Prefix + "article-category-sizes";

    /// <summary>Counts every article write: a node's search index re-reads the articles when it moves.</summary>
    public string ArticleVersion => Prefix + "article-version";

    /// <summary>An incident (hash); <c>:conversations</c> its linked conversations by when linked (zset),
    /// <c>:replies</c> the ids of its replies recorded (set).</summary>
    public string Incident(string id) => Prefix + "incident:" + id;

    public string IncidentConversations(string id) => Prefix + "incident:" + id + ":conversations";

    public string IncidentReplies(string id) => Prefix + "incident:" + id + ":replies";

    /// <summary>Every incident, scored by when it was created (ms): the list is newest first.</summary>
    public string Incidents => Prefix + "incidents";

    public string Queue(string id) => Prefix + "queue:" + id;

    public string Queues => Prefix + "queues";

    public string QueueMembers(string id) => Prefix + "queue:" + id + ":members";

    public string QueueWaiting(string id) => Prefix + "queue:" + id + ":waiting";

    /// <summary>The waiting conversations of a queue that have an SLA deadline, by it: drained first.</summary>
    public string QueueWaitingSla(string id) => Prefix + "queue:" + id + ":waiting-sla";

    /// <summary>
    /// A channel's outbox: the list waiting; <c>:inflight</c> the list claimed by a sender, <c>:retry</c> the zset of
    /// scheduled retries (<see cref="RedisOutboundQueue"/>).
    /// </summary>
    public string Outbox(string channel) => Prefix + "outbox:" + channel;

    public string AgentShifts(string id) => Prefix + "agent:" + id + ":shifts";

    public string Presence => Prefix + "presence";

    public string Timeouts => Prefix + "timeouts";

    public string Typing(string conversationId) => Prefix + "typing:" + conversationId;

    public string Lease(string job) => Prefix + "lease:" + job;

    public string Audit => Prefix + "audit";

    public string ConversationActivity(string id) => Prefix + "conv:" + id + ":activity";
}
