using System.Globalization;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Queues. Keys (prefix <c>oc:{ws}:</c>): <c>queue:{id}</c> hash (id, name, policy, handover, timeoutMinutes, slaPolicy,
/// tier, escalatesTo, createdAt, updatedAt; an empty slaPolicy or escalatesTo is none), <c>queues</c> set of ids, <c>queue:{id}:members</c> set of agent ids (kept in step with each agent's
/// <c>queues</c> field by every script that changes either).
/// </summary>
public sealed class RedisQueueStore(RedisConnection connection) : IQueueStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<QueueSettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SetMembersAsync(_keys.Queues);
        var queues = await Task.WhenAll(ids.Select(id => ReadAsync(db, id!)));
        return [.. queues.OfType<QueueSettings>().OrderBy(q => q.Id, StringComparer.Ordinal)];
    }

    // A malformed id cannot name a queue: it never reaches a key (last line of defence behind InputRules).
    public async Task<QueueSettings?> GetAsync(string queueId, CancellationToken cancellationToken = default) =>
        Slugs.IsValid(queueId) ? await ReadAsync(await connection.DatabaseAsync(), queueId) : null;

    private async Task<QueueSettings?> ReadAsync(IDatabase db, string queueId)
    {
        var fields = db.HashGetAllAsync(_keys.Queue(queueId));
        var members = db.SetMembersAsync(_keys.QueueMembers(queueId));
        var f = HashMapping.ToDictionary(await fields);
        if (f.Count == 0)
        {
            return null;
        }

        QueuePolicyText.TryParse(f.GetValueOrDefault("policy"), out var policy);
        HandoverPolicyText.TryParse(f.GetValueOrDefault("handover"), out var handover);
        return new QueueSettings(
            Id: f["id"],
            Name: f["name"],
            Policy: policy,
            Handover: handover,
            UnansweredTimeoutMinutes: int.TryParse(f.GetValueOrDefault("timeoutMinutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null,
            Members: [.. (await members).Select(m => (string)m!).Order(StringComparer.Ordinal)],
            CreatedAt: HashMapping.FromMs(f["createdAt"]),
            UpdatedAt: HashMapping.FromMs(f["updatedAt"]))
        {
            SlaPolicy = NullIfEmpty(f.GetValueOrDefault("slaPolicy")),
            Tier = QueueTiers.IsValid(f.GetValueOrDefault("tier")) ? f["tier"] : QueueTiers.Default,
            EscalatesTo = NullIfEmpty(f.GetValueOrDefault("escalatesTo")),
        };
    }

    public async Task<QueueSaveResult> SaveAsync(QueueSettings queue, IReadOnlyList<string>? members, bool createOnly, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var call = SaveCall(queue, members, createOnly, actorId, now);
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.QueueSave, call))!;
        var unknown = (string?)result[1];
        var status = (int)result[0] switch
        {
            1 => QueueSaveStatus.Created,
            -1 => QueueSaveStatus.Exists,
            _ when !string.IsNullOrEmpty(unknown) => QueueSaveStatus.UnknownMember,
            _ => QueueSaveStatus.Updated,
        };
        return new QueueSaveResult(status, string.IsNullOrEmpty(unknown) ? null : unknown,
            AssignmentChanges.Parse(result[2]));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The keys and arguments of queue_save.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SaveCall(QueueSettings queue,
        IReadOnlyList<string>? members, bool createOnly, string actorId, DateTimeOffset now)
    {
        var args = new List<RedisValue>
        {
            _keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity,
            queue.Id, queue.Name, QueuePolicyText.ToText(queue.Policy), HandoverPolicyText.ToText(queue.Handover),
            queue.UnansweredTimeoutMinutes?.ToString(CultureInfo.InvariantCulture) ?? "", actorId,
            createOnly ? "1" : "0", members is null ? "0" : "1",
            queue.SlaPolicy ?? "", queue.Tier, queue.EscalatesTo ?? "",
        };
        args.AddRange((members ?? []).Distinct(StringComparer.Ordinal).Select(m => (RedisValue)m));
        return connection.JournaledCall([.. args]);
    }
}
