using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Incidents (docs/sla.md, "Incidents"). Keys (prefix <c>oc:{ws}:</c>): <c>incident:{id}</c> hash (id, title,
/// description, status, createdAt, createdBy, resolvedAt, trackerUrl); <c>incident:{id}:conversations</c> zset of the
/// linked conversations, score = when linked (ms); <c>incident:{id}:replies</c> set of the reply ids recorded;
/// <c>incidents</c> zset of ids, score = createdAt (ms). Each write is one journaled script (incident_*.lua) that also
/// writes its audit entries and, per conversation, its activity (and, for a link, the conversation's event).
/// </summary>
public sealed class RedisIncidentStore(RedisConnection connection) : IIncidentStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task CreateAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        var created = await connection.EvaluateJournaledAsync(LuaScripts.IncidentCreate, CreateCall(incident));
        if ((long)created != 1)
        {
            throw new InvalidOperationException($"Incident '{incident.Id}' exists already.");
        }
    }

    /// <summary>The call of incident_create.lua for a new incident (and its undo journal, when the connection keeps one).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) CreateCall(Incident incident)
    {
        Check(incident.Id);
        var args = new List<RedisValue>(CommonArgs(incident.CreatedAt))
        {
            incident.Id, incident.CreatedBy,
            "id", incident.Id, "title", incident.Title, "description", incident.Description, "status", "open",
            "createdAt", HashMapping.Ms(incident.CreatedAt), "createdBy", incident.CreatedBy,
        };
        if (incident.TrackerUrl is { } tracker)
        {
            args.AddRange(["trackerUrl", tracker]);
        }

        return connection.JournaledCall([.. args]);
    }

    public async Task<bool> UpdateAsync(
        string incidentId, string title, string description, string? trackerUrl, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(incidentId))
        {
            return false;
        }

        var result = await connection.EvaluateJournaledAsync(LuaScripts.IncidentUpdate, connection.JournaledCall(
            [.. CommonArgs(now), incidentId, actorId, title, description, trackerUrl ?? ""]));
        return (long)result == 1;
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = (await db.SortedSetRangeByRankAsync(_keys.Incidents, order: Order.Descending))
            .Select(id => (string)id!).Where(Ids.IsWellFormed).ToList();
        var read = await Task.WhenAll(ids.Select(id => ReadAsync(db, id)));
        return [.. read.OfType<Incident>()];
    }

    public async Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default) =>
        Ids.IsWellFormed(incidentId) ? await ReadAsync(await connection.DatabaseAsync(), incidentId) : null;

    public async Task<IncidentLinkResult> LinkAsync(
        string incidentId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.IncidentLink,
            LinkCall(incidentId, conversationIds, actorId, now)))!;
        var rest = result.Skip(1).ToList();
        return (string?)result[0] switch
        {
            "done" => new(IncidentLinkStatus.Done, [],
                [.. rest.Chunk(2).Select(pair => ((string)pair[0]!, (long)pair[1]))]),
            "missing" => new(IncidentLinkStatus.ConversationsMissing, [.. rest.Select(r => (string)r!)], []),
            "resolved" => new(IncidentLinkStatus.Resolved, [], []),
            _ => new(IncidentLinkStatus.NotFound, [], []),
        };
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) LinkCall(
        string incidentId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now)
    {
        Check(incidentId);
        foreach (var id in conversationIds)
        {
            Check(id);
        }

        return connection.JournaledCall([.. CommonArgs(now), incidentId, actorId, .. conversationIds.Select(id => (RedisValue)id)]);
    }

    public async Task<bool> UnlinkAsync(
        string incidentId, string conversationId, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(incidentId) || !Ids.IsWellFormed(conversationId))
        {
            return false;
        }

        var result = await connection.EvaluateJournaledAsync(LuaScripts.IncidentUnlink,
            connection.JournaledCall([.. CommonArgs(now), incidentId, actorId, conversationId]));
        return (long)result >= 0;
    }

    public async Task<bool> RecordReplyAsync(
        string incidentId, string replyId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.IncidentReply, ReplyCall(incidentId, replyId, conversationIds, actorId, now));
        return (long)result == 1;
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) ReplyCall(
        string incidentId, string replyId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now)
    {
        Check(incidentId);
        return connection.JournaledCall([.. CommonArgs(now), incidentId, actorId, replyId, .. conversationIds.Select(id => (RedisValue)id)]);
    }

    public async Task<bool> ResolveAsync(
        string incidentId, string? note, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.IncidentResolve, ResolveCall(incidentId, note, conversationIds, actorId, now));
        return (long)result == 1;
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) ResolveCall(
        string incidentId, string? note, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now)
    {
        Check(incidentId);
        return connection.JournaledCall([.. CommonArgs(now), incidentId, actorId, note ?? "", .. conversationIds.Select(id => (RedisValue)id)]);
    }

    private RedisValue[] CommonArgs(DateTimeOffset now) => [_keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity];

    private static void Check(string id)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw new ArgumentException($"'{id}' is no id.", nameof(id));
        }
    }

    private async Task<Incident?> ReadAsync(IDatabase db, string id)
    {
        var fieldsTask = db.HashGetAllAsync(_keys.Incident(id));
        var linkedTask = db.SortedSetRangeByRankAsync(_keys.IncidentConversations(id));
        var fields = HashMapping.ToDictionary(await fieldsTask);
        var linked = await linkedTask;
        if (!fields.TryGetValue("title", out var title))
        {
            return null;
        }

        return new Incident(
            id,
            title,
            fields.GetValueOrDefault("description") ?? "",
            fields.GetValueOrDefault("status") == "resolved" ? IncidentStatus.Resolved : IncidentStatus.Open,
            HashMapping.FromMs(fields["createdAt"]),
            fields.GetValueOrDefault("createdBy") ?? "",
            fields.TryGetValue("resolvedAt", out var resolvedAt) ? HashMapping.FromMs(resolvedAt) : null,
            fields.GetValueOrDefault("trackerUrl"),
            [.. linked.Select(v => (string)v!)]);
    }
}
