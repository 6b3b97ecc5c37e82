using System.Text.Json;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Viewers of conversations. Key (prefix <c>oc:{ws}:</c>): <c>viewers:{conversation}</c> hash, field = hub connection id,
/// value = JSON {agentId, name, replying, until}; entries older than two minutes are ignored and pruned (a node that
/// died cannot remove its own), and the key expires when nobody refreshes it.
/// </summary>
public sealed class RedisViewerStore(RedisConnection connection) : IViewerStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    // ARGV: 1 connection id, 2 JSON or '' (remove), 3 now ms, 4 lifetime ms. Returns the live entries.
    private const string Script = """
        local now, lifetime = tonumber(ARGV[3]), tonumber(ARGV[4])
        if ARGV[2] == '' then
          redis.call('HDEL', KEYS[1], ARGV[1])
        else
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          redis.call('PEXPIRE', KEYS[1], lifetime)
        end
        local live = {}
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          local entry = cjson.decode(all[i + 1])
          if tonumber(entry['until']) > now then
            live[#live + 1] = all[i]
            live[#live + 1] = all[i + 1]
          else
            redis.call('HDEL', KEYS[1], all[i])
          end
        end
        return live
        """;

    public async Task<IReadOnlyList<ViewerEntry>> SetAsync(string conversationId, string connectionId, ViewerEntry? viewer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var json = viewer is null ? "" : JsonSerializer.Serialize(new Entry(viewer.AgentId, viewer.Name, viewer.Replying, (now + Lifetime).ToUnixTimeMilliseconds()), StoreJsonContext.Default.ViewerEntry);
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(Script, [connection.Keys.Prefix + "viewers:" + conversationId],
            [connectionId, json, now.ToUnixTimeMilliseconds(), (long)Lifetime.TotalMilliseconds]))!;
        var viewers = new List<ViewerEntry>(result.Length / 2);
        for (var i = 0; i + 1 < result.Length; i += 2)
        {
            var entry = JsonSerializer.Deserialize((string)result[i + 1]!, StoreJsonContext.Default.ViewerEntry)!;
            viewers.Add(new ViewerEntry((string)result[i]!, entry.AgentId, entry.Name, entry.Replying));
        }

        return viewers;
    }

    internal sealed record Entry(string AgentId, string Name, bool Replying, long Until);
}
