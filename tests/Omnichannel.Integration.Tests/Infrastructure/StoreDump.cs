using System.Globalization;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>Every key under a prefix with its type and whole content, to compare a store before and after exactly.</summary>
public static class StoreDump
{
    public static async Task<Dictionary<string, string>> DumpAsync(IDatabase db, string prefix)
    {
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        var cursor = "0";
        do
        {
            var reply = (RedisResult[])(await db.ExecuteAsync("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"))!;
            cursor = (string)reply[0]!;
            foreach (var name in ((RedisResult[])reply[1]!).Select(k => (string)k!))
            {
                dump[name] = await db.KeyTypeAsync(name) switch
                {
                    RedisType.String => "string " + await db.StringGetAsync(name),
                    RedisType.Hash => "hash " + string.Join(", ", (await db.HashGetAllAsync(name))
                        .Select(e => $"{e.Name}={e.Value}").Order(StringComparer.Ordinal)),
                    RedisType.SortedSet => "zset " + string.Join(", ",
                        (await db.SortedSetRangeByRankWithScoresAsync(name)).Select(e =>
                            string.Create(CultureInfo.InvariantCulture, $"{e.Element}@{e.Score}"))),
                    RedisType.Set => "set " + string.Join(", ", (await db.SetMembersAsync(name))
                        .Select(m => (string)m!).Order(StringComparer.Ordinal)),
                    RedisType.List => "list " + string.Join(", ", await db.ListRangeAsync(name)),
                    var other => other.ToString(),
                };
            }
        }
        while (cursor != "0");
        return dump;
    }
}
