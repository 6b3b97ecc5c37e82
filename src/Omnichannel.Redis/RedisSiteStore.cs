using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Web chat sites. Keys (prefix <c>oc:{ws}:</c>): <c>site:{key}</c> string JSON, <c>sites</c> set of keys.</summary>
public sealed class RedisSiteStore(RedisConnection connection) : ISiteStore
{
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

    public async Task<bool> SaveAsync(Site site, bool createOnly, CancellationToken cancellationToken = default) =>
        (int)await connection.EvaluateJournaledAsync(LuaScripts.SiteSave, SaveCall(site, createOnly)) == 1;

    /// <summary>The keys and arguments of site_save.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SaveCall(Site site, bool createOnly) =>
        connection.JournaledCall(
        [
            _keys.Prefix + "site:" + site.Key, _keys.Prefix + "sites",
            JsonSerializer.Serialize(site, StoreJsonContext.Default.Site), createOnly ? "1" : "0", site.Key,
        ]);
}
