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
    private const string CreateScript = """
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV, 3))
        redis.call('SADD', KEYS[3], ARGV[2])
        return 1
        """;

    private const string UpdateScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV))
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
        RedisValue[] args = [Normalize(agent.Email), agent.Id, .. Fields(agent)];
        var created = await db.ScriptEvaluateAsync(CreateScript, [_keys.Agent(agent.Id), _keys.AgentsByEmail, _keys.Agents], args);
        return (int)created == 1;
    }

    public async Task<bool> UpdateAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var updated = await db.ScriptEvaluateAsync(UpdateScript, [_keys.Agent(agent.Id)], Fields(agent));
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
        "queues", JsonSerializer.Serialize([.. agent.Queues], StoreJsonContext.Default.StringArray),
        "passwordHash", agent.PasswordHash,
        "securityStamp", agent.SecurityStamp,
        "createdAt", HashMapping.Ms(agent.CreatedAt),
    ];

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
