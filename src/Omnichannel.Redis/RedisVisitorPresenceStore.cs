using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Key (prefix <c>oc:{ws}:</c>): <c>visitors-online</c> zset, member = conversation id, score = connected until (ms).</summary>
public sealed class RedisVisitorPresenceStore(RedisConnection connection) : IVisitorPresenceStore
{
    private RedisKey Key => connection.Keys.Prefix + "visitors-online";

    public async Task MarkOnlineAsync(IReadOnlyCollection<string> conversationIds, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (conversationIds.Count == 0)
        {
            return;
        }

        var db = await connection.DatabaseAsync();
        var score = until.ToUnixTimeMilliseconds();
        await db.SortedSetAddAsync(Key, [.. conversationIds.Select(id => new SortedSetEntry(id, score))]);
        // Entries whose visitor left long ago go, so the set holds about the visitors online.
        await db.SortedSetRemoveRangeByScoreAsync(Key, double.NegativeInfinity, score - (2 * 86_400_000));
    }

    public async Task MarkOfflineAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.SortedSetRemoveAsync(Key, conversationId);
    }

    public async Task<bool> IsOnlineAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var until = await db.SortedSetScoreAsync(Key, conversationId);
        return until > now.ToUnixTimeMilliseconds();
    }
}
