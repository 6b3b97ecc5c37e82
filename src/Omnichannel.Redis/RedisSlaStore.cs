using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// The SLA keeper's side of the store. Keys (prefix <c>oc:{ws}:</c>): conv fields <c>priority</c>, <c>sla</c> (the
/// promises as JSON), <c>slaVersion</c> (counts the keeper's writes) and <c>slaDue</c> (the earliest running deadline,
/// ms); <c>sla:escalate</c> zset of conversations owed an escalation for a breach; <c>sla:due</c> zset of conversations by their next warning or deadline; <c>sla:cursor</c> the last event
/// applied; <c>queue:{q}:waiting-sla</c> the waiting conversations with a deadline, by it. Written by sla_save.lua and
/// set_priority.lua.
/// </summary>
public sealed class RedisSlaStore(RedisConnection connection) : ISlaStore
{
    private static readonly RedisValue[] SubjectFields = ["id", "queue", "priority", "firstResponseAt", "sla", "slaVersion"];

    private readonly RedisKeys _keys = connection.Keys;

    private RedisValue[] CommonArgs(DateTimeOffset now) => [_keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity];

    public async Task<SlaLogBatch> ReadLogAsync(int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var cursorRead = db.StringGetAsync(_keys.SlaCursor);
        var firstRead = db.SortedSetRangeByRankWithScoresAsync(_keys.Events, 0, 0);
        var cursor = (long?)await cursorRead ?? 0;
        var entries = await db.SortedSetRangeByScoreAsync(_keys.Events, cursor, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit);
        var first = await firstRead;
        var missed = first.Length > 0 && (long)first[0].Score > cursor + 1;
        return new SlaLogBatch(cursor, [.. entries.Select(e => ToEntry(JsonSerializer.Deserialize((string)e!, StoreJsonContext.Default.StoredEvent)!))], missed);
    }

    public async Task<IReadOnlyList<SlaSubject>> LoadAsync(IReadOnlyList<string> conversationIds, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = conversationIds.Where(Ids.IsWellFormed).ToList();
        var reads = await Task.WhenAll(ids.Select(id => db.HashGetAsync(_keys.Conversation(id), SubjectFields)));
        var subjects = new List<SlaSubject>();
        foreach (var f in reads)
        {
            if (f[0].IsNull)
            {
                continue;
            }

            subjects.Add(new SlaSubject(
                (string)f[0]!,
                (string)f[1]!,
                HashMapping.ToPriority(f[2]),
                !f[3].IsNullOrEmpty,
                HashMapping.ToSla(f[4]),
                f[5].IsNull ? 0 : (long)f[5]));
        }

        return subjects;
    }

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset upTo, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByScoreAsync(_keys.SlaDue, double.NegativeInfinity, HashMapping.ToUnixMs(upTo), take: limit);
        return [.. ids.Select(id => (string)id!).Where(Ids.IsWellFormed)];
    }

    public async Task<IReadOnlyList<SlaPublished>?> SaveAsync(
        long? expectedCursor, long? newCursor, IReadOnlyList<SlaWrite> writes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var args = new List<RedisValue>(CommonArgs(now))
        {
            expectedCursor is { } expected ? expected : "",
            newCursor is { } next ? next : "",
            writes.Count,
        };
        foreach (var write in writes)
        {
            args.Add(write.ConversationId);
            args.Add(write.ExpectedVersion);
            args.Add(write.Sla is null ? "" : JsonSerializer.Serialize(write.Sla, SlaJsonContext.Default.ConversationSla));
            args.Add(write.Sla?.NextDue is { } due ? HashMapping.Ms(due) : "");
            args.Add(write.Sla?.NextWake is { } wake ? HashMapping.Ms(wake) : "");
            args.Add(write.Changed ? "1" : "0");
            args.Add(write.Alerts.Count == 0
                ? ""
                : JsonSerializer.Serialize(
                    [.. write.Alerts.Select(a => new SlaAlertRecord(SlaText.Kind(a.Kind), SlaText.Alert(a.Alert), HashMapping.ToUnixMs(a.At)))],
                    SlaJsonContext.Default.SlaAlertRecordArray));
            args.Add(write.Escalate ? "1" : "");
        }

        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.SlaSave, connection.JournaledCall([.. args])))!;
        if ((long)result[0] == 0)
        {
            return null;
        }

        var published = new List<SlaPublished>();
        for (var i = 1; i + 4 < result.Length; i += 5)
        {
            var kind = (string)result[i + 2]!;
            SlaAlert? alert = kind.Length == 0
                ? null
                : new SlaAlert(SlaText.ParseKind(kind), SlaText.ParseAlert((string)result[i + 3]!), HashMapping.FromMs((string)result[i + 4]!));
            published.Add(new SlaPublished((string)result[i]!, (long)result[i + 1], alert));
        }

        return published;
    }

    public async Task<IReadOnlyList<string>> WaitingAsync(string queueId, int limit, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(queueId))
        {
            return [];
        }

        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.QueueWaiting(queueId), 0, limit - 1);
        return [.. ids.Select(id => (string)id!).Where(Ids.IsWellFormed)];
    }

    public async Task<IReadOnlyList<string>> EscalationsOwedAsync(int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.SlaEscalate, 0, limit - 1);
        return [.. ids.Select(id => (string)id!).Where(Ids.IsWellFormed)];
    }

    public async Task<bool> HoldLeaseAsync(string holder, TimeSpan lifetime, bool release, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args = [_keys.Lease("sla-keeper"), holder, (long)lifetime.TotalMilliseconds, release ? "1" : "0"];
        return (int)await connection.EvaluateAsync(db, LuaScripts.Lease, [_keys.EventSequence], args) == 1;
    }

    public async Task<PriorityChange?> SetPriorityAsync(string conversationId, Priority priority, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(conversationId))
        {
            return null;
        }

        var result = await connection.EvaluateJournaledAsync(LuaScripts.SetPriority,
            connection.JournaledCall([.. CommonArgs(now), conversationId, priority.ToText(), actorId]));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new PriorityChange(HashMapping.ToPriority((string?)values[0]), HashMapping.ToPriority((string?)values[1]), (long)values[2]);
    }

    // Which change to the promises an event is; null when it is none (assignments, deliveries, the keeper's own).
    private static SlaLogEntry ToEntry(StoredEvent e)
    {
        var at = HashMapping.FromMs(e.At);
        SlaInput? input = e.Type switch
        {
            "message.created" when e.Direction == "in" && !e.Automated => new SlaInput(SlaInputKind.CustomerMessage, at),
            "message.created" when e.Direction == "out" && !e.Private && !string.IsNullOrEmpty(e.ActorId) => new SlaInput(SlaInputKind.AgentReply, at),
            "conversation.reopened" => new SlaInput(SlaInputKind.Reopened, at),
            "conversation.escalated" => new SlaInput(SlaInputKind.PolicyChanged, at),
            "conversation.status_changed" when ConversationStatusText.TryParse(e.Status, out var status) =>
                new SlaInput(SlaInputKind.StatusChanged, at, Status: status),
            "conversation.priority_changed" when PriorityText.TryParse(e.Priority, out var priority) =>
                new SlaInput(SlaInputKind.PriorityChanged, at, Priority: priority),
            _ => null,
        };
        return new SlaLogEntry(e.Seq, e.ConversationId, input);
    }
}
