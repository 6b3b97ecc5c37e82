using System.Globalization;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Agents' sign-in sessions. Keys (prefix <c>oc:{ws}:</c>): <c>session:{id}</c> hash
/// (<c>id agentId device createdAt lastSeenAt</c>) expiring after the idle timeout, and
/// <c>agent:{id}:sessions</c> zset of the agent's session ids by creation time, which outlives every session it lists.
/// Ids of sessions that expired on their own stay in the zset until the agent's next sign-in prunes them.
/// </summary>
public sealed class RedisSessionStore(RedisConnection connection) : ISessionStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task CreateAsync(AgentSession session, TimeSpan idleTimeout,
        CancellationToken cancellationToken = default) =>
        await connection.EvaluateJournaledAsync(LuaScripts.SessionCreate, CreateCall(session, idleTimeout));

    /// <summary>The keys and arguments of session_create.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) CreateCall(AgentSession session,
        TimeSpan idleTimeout) =>
        connection.JournaledCall(
        [
            _keys.Prefix, Ms(idleTimeout), session.Id, HashMapping.Ms(session.CreatedAt), session.AgentId,
            "id", session.Id,
            "agentId", session.AgentId,
            "device", session.Device,
            "createdAt", HashMapping.Ms(session.CreatedAt),
            "lastSeenAt", HashMapping.Ms(session.LastSeenAt),
        ]);

    public async Task<AgentSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Session(sessionId));
        return entries.Length == 0 ? null : ToSession(HashMapping.ToDictionary(entries));
    }

    public async Task<bool> TouchAsync(AgentSession session, DateTimeOffset now, TimeSpan idleTimeout,
        CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.SessionTouch, TouchCall(session, now, idleTimeout))
        == 1;

    /// <summary>The keys and arguments of session_touch.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) TouchCall(AgentSession session,
        DateTimeOffset now, TimeSpan idleTimeout) =>
        connection.JournaledCall(
        [
            _keys.Session(session.Id), _keys.AgentSessions(session.AgentId), HashMapping.Ms(now), Ms(idleTimeout),
        ]);

    public async Task<IReadOnlyList<AgentSession>> ListAsync(string agentId,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.AgentSessions(agentId));
        var sessions = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(_keys.Session(id!))));
        return [.. sessions.Where(s => s.Length > 0).Select(s => ToSession(HashMapping.ToDictionary(s)))
            .Where(s => s.AgentId == agentId)];
    }

    public async Task<bool> DeleteAsync(string agentId, string sessionId,
        CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.SessionDelete, DeleteCall(agentId, sessionId)) == 1;

    /// <summary>The keys and arguments of session_delete.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DeleteCall(string agentId, string sessionId) =>
        connection.JournaledCall([_keys.Session(sessionId), _keys.AgentSessions(agentId), agentId, sessionId]);

    public async Task<int> DeleteAllAsync(string agentId, string? exceptSessionId = null,
        CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.SessionDeleteAll,
            DeleteAllCall(agentId, exceptSessionId));

    /// <summary>The keys and arguments of session_delete_all.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DeleteAllCall(string agentId,
        string? exceptSessionId) =>
        connection.JournaledCall([_keys.Prefix, _keys.AgentSessions(agentId), exceptSessionId ?? ""]);

    private static string Ms(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static AgentSession ToSession(Dictionary<string, string> f) => new(
        Id: f["id"],
        AgentId: f["agentId"],
        Device: f.GetValueOrDefault("device", ""),
        CreatedAt: HashMapping.FromMs(f["createdAt"]),
        LastSeenAt: HashMapping.FromMs(f["lastSeenAt"]));
}
