using System.Globalization;
using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Agent accounts. Keys (prefix <c>oc:{ws}:</c>): <c>agent:{id}</c> hash, <c>agents</c> set of ids,
/// <c>agents:by-email</c> hash email -> id (the uniqueness guard), <c>login-failures:{email}</c> hash (count, window start, lockout end).
/// </summary>
public sealed class RedisAgentStore(RedisConnection connection) : IAgentStore
{
    // Queue membership lives in the agent's queues field and, as an index the assignment scripts read, in
    // queue:{q}:members; both change in the same script. ARGV[1] is the key prefix, ARGV[2] the agent id.
    private const string MembershipLua = """
        local function sync_members(prefix, agent_id, old_json, new_json)
          local old, new = cjson.decode(old_json or '[]'), cjson.decode(new_json)
          for _, q in ipairs(old) do redis.call('SREM', prefix .. 'queue:' .. q .. ':members', agent_id) end
          for _, q in ipairs(new) do redis.call('SADD', prefix .. 'queue:' .. q .. ':members', agent_id) end
        end
        """;

    // ARGV: 1 prefix, 2 agent id, 3 normalized email, 4 queues JSON, 5.. field/value pairs.
    private const string CreateScript = MembershipLua + "\n" + """
        if redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[2]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV, 5))
        redis.call('SADD', KEYS[3], ARGV[2])
        sync_members(ARGV[1], ARGV[2], nil, ARGV[4])
        return 1
        """;

    // ARGV: 1 prefix, 2 agent id, 3 queues JSON, 4.. field/value pairs.
    private const string UpdateScript = MembershipLua + "\n" + """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local old = redis.call('HGET', KEYS[1], 'queues')
        redis.call('HSET', KEYS[1], unpack(ARGV, 4))
        sync_members(ARGV[1], ARGV[2], old, ARGV[3])
        return 1
        """;

    // Window and lockout run on the caller's clock (TimeProvider), not Redis's, so they are testable;
    // the key's TTL only cleans up.
    private const string FailureScript = """
        local f = redis.call('HMGET', KEYS[1], 'count', 'firstAt', 'lockedUntil')
        local now, window, max, lockout = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local count, first, locked = tonumber(f[1] or '0'), tonumber(f[2] or '0'), tonumber(f[3] or '0')
        if first + window <= now then
          count = 0
          first = now
        end
        count = count + 1
        if count >= max then
          locked = now + lockout
        end
        redis.call('HSET', KEYS[1], 'count', count, 'firstAt', first, 'lockedUntil', locked)
        redis.call('PEXPIRE', KEYS[1], math.max(window, lockout) + 86400000)
        return { count, locked }
        """;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task<bool> TryCreateAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        // The uniqueness guard holds the normalized email, as FindByEmailAsync looks it up.
        RedisValue[] args = [_keys.Prefix, agent.Id, Normalize(agent.Email), QueuesJson(agent), .. Fields(agent)];
        var created = await db.ScriptEvaluateAsync(CreateScript, [_keys.Agent(agent.Id), _keys.AgentsByEmail, _keys.Agents], args);
        return (int)created == 1;
    }

    public async Task<bool> UpdateAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var updated = await db.ScriptEvaluateAsync(UpdateScript, [_keys.Agent(agent.Id)], [_keys.Prefix, agent.Id, QueuesJson(agent), .. Fields(agent)]);
        return (int)updated == 1;
    }

    public async Task<Agent?> GetAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Agent(agentId));
        return entries.Length == 0 ? null : ToAgent(HashMapping.ToDictionary(entries));
    }

    public async Task<Agent?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var id = await db.HashGetAsync(_keys.AgentsByEmail, Normalize(email));
        return id.IsNull ? null : await GetAsync(id!, cancellationToken);
    }

    public async Task<IReadOnlyList<Agent>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SetMembersAsync(_keys.Agents);
        var agents = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(_keys.Agent(id!))));
        return [.. agents.Where(a => a.Length > 0).Select(a => ToAgent(HashMapping.ToDictionary(a))).OrderBy(a => a.Email, StringComparer.Ordinal)];
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return await db.SetLengthAsync(_keys.Agents) > 0;
    }

    public async Task<LoginThrottle> RecordLoginFailureAsync(string email, DateTimeOffset now, LoginThrottlePolicy policy, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(FailureScript, [_keys.LoginFailures(Normalize(email))],
        [
            now.ToUnixTimeMilliseconds(), (long)policy.Window.TotalMilliseconds, policy.MaxFailures, (long)policy.Lockout.TotalMilliseconds,
        ]))!;
        return ToThrottle((long)result[0], (long)result[1]);
    }

    public async Task<LoginThrottle> GetLoginThrottleAsync(string email, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var values = await db.HashGetAsync(_keys.LoginFailures(Normalize(email)), ["count", "lockedUntil"]);
        return ToThrottle(values[0].IsNull ? 0 : (long)values[0], values[1].IsNull ? 0 : (long)values[1]);
    }

    public async Task ClearLoginFailuresAsync(string email, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.KeyDeleteAsync(_keys.LoginFailures(Normalize(email)));
    }

    private static LoginThrottle ToThrottle(long failures, long lockedUntilMs) =>
        new((int)failures, lockedUntilMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(lockedUntilMs) : null);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static RedisValue[] Fields(Agent agent) =>
    [
        "id", agent.Id,
        "email", Normalize(agent.Email),
        "name", agent.Name,
        "role", agent.Role.ToString().ToLowerInvariant(),
        "capacity", agent.Capacity,
        "queues", QueuesJson(agent),
        "passwordHash", agent.PasswordHash,
        "securityStamp", agent.SecurityStamp,
        "createdAt", HashMapping.Ms(agent.CreatedAt),
    ];

    private static string QueuesJson(Agent agent) =>
        JsonSerializer.Serialize([.. agent.Queues.Distinct(StringComparer.Ordinal)], StoreJsonContext.Default.StringArray);

    private static Agent ToAgent(Dictionary<string, string> f) => new(
        Id: f["id"],
        Email: f["email"],
        Name: f["name"],
        Role: Enum.Parse<AgentRole>(f["role"], ignoreCase: true),
        Capacity: int.Parse(f["capacity"], CultureInfo.InvariantCulture),
        Queues: JsonSerializer.Deserialize(f["queues"], StoreJsonContext.Default.StringArray) ?? [],
        PasswordHash: f["passwordHash"],
        SecurityStamp: f["securityStamp"],
        CreatedAt: HashMapping.FromMs(f["createdAt"]));
}
