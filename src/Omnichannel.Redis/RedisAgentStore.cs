using System.Globalization;
using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Agent accounts. Keys (prefix <c>oc:{ws}:</c>): <c>agent:{id}</c> hash, <c>agents</c> set of ids,
/// <c>agents:by-email</c> hash email -> id (the uniqueness guard), <c>login-failures:{email}</c> hash (count, window
/// start: the email's failures from anywhere), <c>login-failures-from:{address}/{email}</c> hash (count, window start,
/// lockout end: the email's failures from one address).
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
    // the keys' TTL only cleans up. KEYS: 1 the (email, address) pair, 2 the email from anywhere.
    // ARGV: 1 now, 2 window, 3 max failures, 4 lockout (ms). Only the pair ever locks.
    private const string FailureScript = """
        local now, window, max, lockout = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local function count_failure(key)
          local f = redis.call('HMGET', key, 'count', 'firstAt')
          local count, first = tonumber(f[1] or '0'), tonumber(f[2] or '0')
          if first + window <= now then
            count = 0
            first = now
          end
          count = count + 1
          redis.call('HSET', key, 'count', count, 'firstAt', first)
          redis.call('PEXPIRE', key, math.max(window, lockout) + 86400000)
          return count
        end
        local count = count_failure(KEYS[1])
        local locked = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
        if count >= max then
          locked = now + lockout
          redis.call('HSET', KEYS[1], 'lockedUntil', locked)
        end
        return { count, locked, count_failure(KEYS[2]) }
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

    public async Task<LoginThrottle> RecordLoginFailureAsync(string email, string source, DateTimeOffset now,
        LoginThrottlePolicy policy, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisKey[] keys = [_keys.LoginFailuresFrom(Normalize(email), source), _keys.LoginFailures(Normalize(email))];
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(FailureScript, keys,
        [
            now.ToUnixTimeMilliseconds(), (long)policy.Window.TotalMilliseconds, policy.MaxFailures,
            (long)policy.Lockout.TotalMilliseconds,
        ]))!;
        return ToThrottle((long)result[0], (long)result[1], (long)result[2]);
    }

    public async Task<LoginThrottle> GetLoginThrottleAsync(string email, string source, DateTimeOffset now,
        LoginThrottlePolicy policy, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var pair = db.HashGetAsync(_keys.LoginFailuresFrom(Normalize(email), source),
            ["count", "firstAt", "lockedUntil"]);
        var account = db.HashGetAsync(_keys.LoginFailures(Normalize(email)), ["count", "firstAt"]);
        var (p, a) = (await pair, await account);
        return ToThrottle(InWindow(p, now, policy), Long(p[2]), InWindow(a, now, policy));
    }

    public async Task ClearLoginFailuresAsync(string email, string source,
        CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.KeyDeleteAsync(_keys.LoginFailuresFrom(Normalize(email), source));
    }

    // A count whose window has passed is zero, as the failure script would reset it.
    private static long InWindow(RedisValue[] countAndFirst, DateTimeOffset now, LoginThrottlePolicy policy) =>
        Long(countAndFirst[1]) + (long)policy.Window.TotalMilliseconds <= now.ToUnixTimeMilliseconds()
            ? 0
            : Long(countAndFirst[0]);

    private static long Long(RedisValue value) => value.IsNull ? 0 : (long)value;

    private static LoginThrottle ToThrottle(long failures, long lockedUntilMs, long accountFailures) =>
        new((int)failures, lockedUntilMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(lockedUntilMs) : null,
            (int)accountFailures);

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
