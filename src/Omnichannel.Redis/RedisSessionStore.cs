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
    // KEYS: 1 session, 2 the agent's index. ARGV: 1 prefix, 2 idle timeout (ms), 3 id, 4 created (ms), 5.. fields.
    private const string CreateScript = """
        redis.call('HSET', KEYS[1], unpack(ARGV, 5))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
          if redis.call('EXISTS', ARGV[1] .. 'session:' .. id) == 0 then redis.call('ZREM', KEYS[2], id) end
        end
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS: 1 session, 2 the agent's index. ARGV: 1 last seen (ms), 2 idle timeout (ms). Every touch moves the
    // index's expiry to the latest session's, so the index never expires before a session it lists.
    private const string TouchScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS: 1 session, 2 the agent's index. ARGV: 1 agent id, 2 session id. Another agent's session is left alone.
    private const string DeleteScript = """
        if redis.call('HGET', KEYS[1], 'agentId') ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('ZREM', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS: 1 the agent's index. ARGV: 1 prefix, 2 session id to keep ('' for none).
    private const string DeleteAllScript = """
        local ended = 0
        for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
          if id ~= ARGV[2] then
            ended = ended + redis.call('DEL', ARGV[1] .. 'session:' .. id)
            redis.call('ZREM', KEYS[1], id)
          end
        end
        return ended
        """;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task CreateAsync(AgentSession session, TimeSpan idleTimeout,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args =
        [
            _keys.Prefix, Ms(idleTimeout), session.Id, HashMapping.Ms(session.CreatedAt),
            "id", session.Id,
            "agentId", session.AgentId,
            "device", session.Device,
            "createdAt", HashMapping.Ms(session.CreatedAt),
            "lastSeenAt", HashMapping.Ms(session.LastSeenAt),
        ];
        await db.ScriptEvaluateAsync(CreateScript,
            [_keys.Session(session.Id), _keys.AgentSessions(session.AgentId)], args);
    }

    public async Task<AgentSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Session(sessionId));
        return entries.Length == 0 ? null : ToSession(HashMapping.ToDictionary(entries));
    }

    public async Task<bool> TouchAsync(AgentSession session, DateTimeOffset now, TimeSpan idleTimeout,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var touched = await db.ScriptEvaluateAsync(TouchScript,
            [_keys.Session(session.Id), _keys.AgentSessions(session.AgentId)], [HashMapping.Ms(now), Ms(idleTimeout)]);
        return (int)touched == 1;
    }

    public async Task<IReadOnlyList<AgentSession>> ListAsync(string agentId,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(_keys.AgentSessions(agentId));
        var sessions = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(_keys.Session(id!))));
        return [.. sessions.Where(s => s.Length > 0).Select(s => ToSession(HashMapping.ToDictionary(s)))
            .Where(s => s.AgentId == agentId)];
    }

    public async Task<bool> DeleteAsync(string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var deleted = await db.ScriptEvaluateAsync(DeleteScript,
            [_keys.Session(sessionId), _keys.AgentSessions(agentId)], [agentId, sessionId]);
        return (int)deleted == 1;
    }

    public async Task<int> DeleteAllAsync(string agentId, string? exceptSessionId = null,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ended = await db.ScriptEvaluateAsync(DeleteAllScript,
            [_keys.AgentSessions(agentId)], [_keys.Prefix, exceptSessionId ?? ""]);
        return (int)ended;
    }

    private static string Ms(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static AgentSession ToSession(Dictionary<string, string> f) => new(
        Id: f["id"],
        AgentId: f["agentId"],
        Device: f.GetValueOrDefault("device", ""),
        CreatedAt: HashMapping.FromMs(f["createdAt"]),
        LastSeenAt: HashMapping.FromMs(f["lastSeenAt"]));
}
