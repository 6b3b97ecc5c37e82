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
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<bool> TryCreateAsync(Agent agent, CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.AgentSave, SaveCall(agent, create: true)) == 1;

    public async Task<bool> UpdateAsync(Agent agent, CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.AgentSave, SaveCall(agent, create: false)) == 1;

    /// <summary>
    /// The keys and arguments of agent_save.lua, and its undo journal (null when none is kept). The uniqueness
    /// guard holds the normalized email, as FindByEmailAsync looks it up.
    /// </summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SaveCall(Agent agent, bool create) =>
        connection.JournaledCall(
            [_keys.Prefix, agent.Id, Normalize(agent.Email), QueuesJson(agent), create ? "1" : "0", .. Fields(agent)]);

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
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.LoginFailure,
            LoginFailureCall(email, source, now, policy)))!;
        return ToThrottle((long)result[0], (long)result[1], (long)result[2]);
    }

    /// <summary>The keys and arguments of login_failure.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) LoginFailureCall(string email, string source,
        DateTimeOffset now, LoginThrottlePolicy policy) =>
        connection.JournaledCall(
        [
            _keys.LoginFailuresFrom(Normalize(email), source), _keys.LoginFailures(Normalize(email)),
            now.ToUnixTimeMilliseconds(), (long)policy.Window.TotalMilliseconds, policy.MaxFailures,
            (long)policy.Lockout.TotalMilliseconds,
        ]);

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
