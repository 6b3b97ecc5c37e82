using System.Globalization;
using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Agent accounts. Keys (prefix <c>oc:{ws}:</c>): <c>agent:{id}</c> hash, <c>agents</c> set of ids,
/// <c>agents:by-email</c> hash email -> id (the uniqueness guard), <c>login-failures:{email}</c> counter with a TTL.
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

    private const string FailureScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task<bool> TryCreateAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args = [agent.Email, agent.Id, .. Fields(agent)];
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

    public async Task<long> RecordLoginFailureAsync(string email, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var count = await db.ScriptEvaluateAsync(FailureScript, [_keys.LoginFailures(Normalize(email))], [(long)window.TotalMilliseconds]);
        return (long)count;
    }

    public async Task ClearLoginFailuresAsync(string email, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.KeyDeleteAsync(_keys.LoginFailures(Normalize(email)));
    }

    public async Task<long> GetLoginFailuresAsync(string email, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var value = await db.StringGetAsync(_keys.LoginFailures(Normalize(email)));
        return value.IsNull ? 0 : (long)value;
    }

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
