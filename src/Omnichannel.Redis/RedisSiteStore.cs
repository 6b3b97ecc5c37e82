using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Redis;

/// <summary>Web chat sites. Keys (prefix <c>oc:{ws}:</c>): <c>site:{key}</c> string JSON, <c>sites</c> set of keys.</summary>
public sealed class RedisSiteStore(RedisConnection connection) : ISiteStore
{
    private const string SaveScript = """
        if ARGV[2] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[3])
        return 1
        """;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var keys = await db.SetMembersAsync(_keys.Prefix + "sites");
        var sites = await Task.WhenAll(keys.Select(k => GetAsync(k!, cancellationToken)));
        return [.. sites.OfType<Site>().OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    public async Task<Site?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(key))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.Prefix + "site:" + key);
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.Site);
    }

    public async Task<bool> SaveAsync(Site site, bool createOnly, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var saved = await db.ScriptEvaluateAsync(SaveScript, [_keys.Prefix + "site:" + site.Key, _keys.Prefix + "sites"],
            [JsonSerializer.Serialize(site, StoreJsonContext.Default.Site), createOnly ? "1" : "0", site.Key]);
        return (int)saved == 1;
    }
}
