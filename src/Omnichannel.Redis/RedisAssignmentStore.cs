using System.Globalization;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Presence and assignment. Keys (prefix <c>oc:{ws}:</c>, details in docs/store.md):
/// <code>
/// agent:{id}                 hash   + availability, paused, rrAt (last round-robin/balanced assignment, ms), capacity
/// agent:{id}:shifts          zset   merged on-shift windows "startMs:endMs", score = end
/// presence                   zset   agent ids, score = present until (ms)
/// queue:{id}:waiting         zset   open unassigned conversations, score = waiting since (ms); the drain order
/// timeouts                   zset   assigned conversations awaiting an answer, score = unanswered deadline (ms)
/// typing:{conversation}      string the agent typing in it (expires)
/// lease:{job}                string the node running a one-node job (expires)
/// </code>
/// The rules live in Scripts/routing.lua and restate Omnichannel.Core.Assignment.
/// </summary>
public sealed class RedisAssignmentStore(RedisConnection connection) : IAssignmentStore
{
    private readonly RedisKeys _keys = connection.Keys;

    private RedisKey[] SlotKey => [_keys.EventSequence];

    private RedisValue[] CommonArgs(DateTimeOffset now) => [_keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity];

    public Task<PresenceChange> SetAvailabilityAsync(string agentId, Availability availability, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "availability", AvailabilityText.ToText(availability), actorId, now);

    public Task<PresenceChange> HeartbeatAsync(string agentId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "heartbeat", "", agentId, now);

    public Task<PresenceChange> LeaveAsync(string agentId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "leave", "", agentId, now);

    public Task<PresenceChange> SetPausedAsync(string agentId, bool paused, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "paused", paused ? "1" : "0", actorId, now);

    public Task<PresenceChange> SetCapacityAsync(string agentId, int capacity, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "capacity", capacity.ToString(CultureInfo.InvariantCulture), actorId, now);

    public Task<PresenceChange> SetShiftWindowsAsync(string agentId, IReadOnlyList<ShiftWindow> windows, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        PresenceAsync(agentId, "shifts", string.Join(',', windows.Select(w => $"{HashMapping.Ms(w.Start)}:{HashMapping.Ms(w.End)}")), "system", now);

    private async Task<PresenceChange> PresenceAsync(string agentId, string operation, string value, string actorId, DateTimeOffset now)
    {
        var call = PresenceCall(agentId, operation, value, actorId, now);
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.Presence, call))!;
        return new PresenceChange((int)result[0] == 1, AssignmentChanges.Parse(result[2]));
    }

    /// <summary>The keys and arguments of presence.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) PresenceCall(string agentId, string operation,
        string value, string actorId, DateTimeOffset now) =>
        connection.JournaledCall([.. CommonArgs(now), agentId, operation, value, actorId,
            (long)Presence.Lifetime.TotalMilliseconds]);

    public async Task<IReadOnlyList<AssignmentChange>> DrainAsync(IReadOnlyList<string> queueIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (queueIds.Count == 0)
        {
            return [];
        }

        return AssignmentChanges.Parse(await connection.EvaluateJournaledAsync(LuaScripts.Drain,
            DrainCall(queueIds, now)));
    }

    /// <summary>The keys and arguments of drain.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DrainCall(IReadOnlyList<string> queueIds,
        DateTimeOffset now) =>
        connection.JournaledCall([.. CommonArgs(now),
            .. queueIds.Distinct(StringComparer.Ordinal).Select(q => (RedisValue)q)]);

    public async Task<IReadOnlyList<AssignmentChange>> HandoverAsync(string queueId, string? agentId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var call = HandoverCall(queueId, agentId, now);
        return AssignmentChanges.Parse(await connection.EvaluateJournaledAsync(LuaScripts.Handover, call));
    }

    /// <summary>The keys and arguments of handover.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) HandoverCall(string queueId, string? agentId,
        DateTimeOffset now)
    {
        var journal = connection.NewJournal();
        RedisValue[] args = [.. CommonArgs(now), queueId, agentId ?? ""];
        return (connection.JournalKeys(journal), args, journal);
    }

    public async Task<IReadOnlyList<AssignmentChange>> ReassignUnansweredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        return AssignmentChanges.Parse(await connection.EvaluateJournaledAsync(LuaScripts.Timeout,
            TimeoutCall(now, max)));
    }

    /// <summary>The keys and arguments of timeout.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) TimeoutCall(DateTimeOffset now, int max) =>
        connection.JournaledCall([.. CommonArgs(now), max]);

    public async Task<MoveOutcome> MoveAsync(string queueId, IReadOnlyList<RebalanceMove> moves, string reason, string actorId, bool respectCapacity, string? note, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (moves.Count == 0)
        {
            return new MoveOutcome(true, [], null, null);
        }

        var call = MoveCall(queueId, moves, reason, actorId, respectCapacity, note, now);
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.Move, call))!;
        if ((int)result[0] == 0)
        {
            return new MoveOutcome(false, [], (string?)result[1], (string?)result[2]);
        }

        return new MoveOutcome(true, AssignmentChanges.Parse(result, 1), null, null);
    }

    public async Task<EscalationOutcome?> EscalateAsync(
        string conversationId, bool up, string actorId, string? note, OutboundMessage? privateNote, DateTimeOffset now,
        bool owedForBreach = false, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(conversationId))
        {
            return null;
        }

        var result = await connection.EvaluateJournaledAsync(LuaScripts.Escalate, EscalateCall(conversationId, up, actorId, note, privateNote, now, owedForBreach));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        if ((long)values[0] == 0)
        {
            return EscalationOutcome.Refused((string)values[1]!);
        }

        var noteId = (string)values[5]!;
        return new EscalationOutcome(true, null, (string?)values[1], (string?)values[2], (string?)values[3], (long)values[4], AssignmentChanges.Parse(values, 8))
        {
            Note = noteId.Length == 0 ? null : new AppendResult(noteId, (long)values[6], (string)values[7]!),
        };
    }

    /// <summary>The keys and arguments of escalate.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) EscalateCall(string conversationId, bool up,
        string actorId, string? note, OutboundMessage? privateNote, DateTimeOffset now, bool owedForBreach = false) =>
        connection.JournaledCall(
        [
            .. CommonArgs(now), conversationId, up ? "up" : "down", actorId, note ?? "", Ids.New(), privateNote?.Text ?? "",
            privateNote?.AuthorKind.ToString().ToLowerInvariant() ?? "", privateNote?.AuthorName ?? "", owedForBreach ? "1" : "",
        ]);

    /// <summary>The keys and arguments of move.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) MoveCall(string queueId,
        IReadOnlyList<RebalanceMove> moves, string reason, string actorId, bool respectCapacity, string? note,
        DateTimeOffset now)
    {
        var journal = connection.NewJournal();
        var args = new List<RedisValue>(CommonArgs(now))
        {
            queueId, reason, actorId, respectCapacity ? "1" : "0", note ?? "",
        };
        foreach (var move in moves)
        {
            args.AddRange([move.ConversationId, move.From, move.To]);
        }

        return (connection.JournalKeys(journal), [.. args], journal);
    }

    public async Task<QueueAgents> ReadAgentsAsync(string queueId, IReadOnlyList<string>? agentIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args = [.. CommonArgs(now), queueId, .. (agentIds ?? []).Select(a => (RedisValue)a)];
        var result = (RedisResult[])(await connection.EvaluateAsync(db, LuaScripts.AgentStates, SlotKey, args))!;
        const int Width = 11;
        var agents = new List<AgentRuntime>((result.Length - 1) / Width);
        for (var i = 1; i + Width - 1 < result.Length; i += Width)
        {
            var state = new AgentState(
                AgentId: (string)result[i]!,
                Availability: AvailabilityText.Parse((string)result[i + 1]!),
                IsPresent: (int)result[i + 2] == 1,
                OnShift: (int)result[i + 3] == 1,
                IsPaused: (int)result[i + 4] == 1,
                OpenCount: (int)result[i + 5],
                Capacity: (int)result[i + 6],
                IsQueueMember: (int)result[i + 8] == 1,
                LastAssignedAt: OptionalMs((string?)result[i + 7]));
            agents.Add(new AgentRuntime(state, IneligibilityText.Parse((string)result[i + 9]!), OptionalMs((string?)result[i + 10])));
        }

        return new QueueAgents(NullIfEmpty((string?)result[0]), agents);
    }

    public async Task<IReadOnlyList<HeldConversation>> ReadHeldAsync(string queueId, string agentId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.IndexAgent(agentId, "open"));
        var batch = db.CreateBatch();
        var reads = ids.Select(id => (Id: (string)id!,
            Fields: batch.HashGetAsync(_keys.Conversation(id!), ["queue", "unansweredSince"]),
            Typing: batch.KeyExistsAsync(_keys.Typing(id!)))).ToList();
        batch.Execute();
        var held = new List<HeldConversation>(reads.Count);
        foreach (var read in reads)
        {
            var fields = await read.Fields;
            if ((string?)fields[0] == queueId)
            {
                held.Add(new HeldConversation(read.Id, OptionalMs((string?)fields[1]), await read.Typing));
            }
        }

        return held;
    }

    public async Task<WaitingSummary> ReadWaitingAsync(string queueId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var key = _keys.QueueWaiting(queueId);
        var count = db.SortedSetLengthAsync(key);
        var oldest = db.SortedSetRangeByRankWithScoresAsync(key, 0, 0);
        var first = await oldest;
        return new WaitingSummary((int)await count, first.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)first[0].Score));
    }

    public async Task MarkTypingAsync(string conversationId, string agentId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.StringSetAsync(_keys.Typing(conversationId), agentId, lifetime);
    }

    public async Task<IReadOnlyList<string>> ExpiredPresenceAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByScoreAsync(_keys.Presence, HashMapping.ToUnixMs(after), HashMapping.ToUnixMs(upTo), Exclude.Start);
        return [.. ids.Select(id => (string)id!)];
    }

    public async Task<bool> TryLeaseAsync(string job, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return await db.StringSetAsync(_keys.Lease(job), holder, lifetime, When.NotExists);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? OptionalMs(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture));
}
