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

    public async Task<IReadOnlyList<ViewerEntry>> SetAsync(string conversationId, string connectionId, ViewerEntry? viewer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.Viewers,
            SetCall(conversationId, connectionId, viewer, now)))!;
        var viewers = new List<ViewerEntry>(result.Length / 2);
        for (var i = 0; i + 1 < result.Length; i += 2)
        {
            var entry = JsonSerializer.Deserialize((string)result[i + 1]!, StoreJsonContext.Default.ViewerEntry)!;
            viewers.Add(new ViewerEntry((string)result[i]!, entry.AgentId, entry.Name, entry.Replying));
        }

        return viewers;
    }

    /// <summary>The keys and arguments of viewers.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SetCall(string conversationId,
        string connectionId, ViewerEntry? viewer, DateTimeOffset now)
    {
        var json = viewer is null ? "" : JsonSerializer.Serialize(
            new Entry(viewer.AgentId, viewer.Name, viewer.Replying, (now + Lifetime).ToUnixTimeMilliseconds()),
            StoreJsonContext.Default.ViewerEntry);
        return connection.JournaledCall(
        [
            connection.Keys.Prefix + "viewers:" + conversationId, connectionId, json, now.ToUnixTimeMilliseconds(),
            (long)Lifetime.TotalMilliseconds,
        ]);
    }

    internal sealed record Entry(string AgentId, string Name, bool Replying, long Until);
}
