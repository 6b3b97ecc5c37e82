using Omnichannel.Core.Model;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Reads the operator gauges (<see cref="OperatorGaugeReading"/>) with counts only: SMEMBERS of the queue ids, then
/// one pipelined batch of ZCARD per queue's waiting set, a ZCOUNT of the presence set from now on, and LLEN / ZCARD of
/// each outbox. Nothing here walks conversations, so a scrape costs the same however large the inbox grows.
/// </summary>
public sealed class RedisOperatorGauges(RedisConnection connection)
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<OperatorGaugeReading> ReadAsync(IReadOnlyCollection<string> outboxChannels, DateTimeOffset now)
    {
        var db = await connection.DatabaseAsync();
        // A queue id from the store still never reaches a key unchecked.
        var queues = (await db.SetMembersAsync(_keys.Queues)).Select(v => (string)v!).Where(Slugs.IsValid)
            .Order(StringComparer.Ordinal).ToList();

        var batch = db.CreateBatch();
        var waiting = queues.ToDictionary(q => q, q => batch.SortedSetLengthAsync(_keys.QueueWaiting(q)),
            StringComparer.Ordinal);
        var online = batch.SortedSetLengthAsync(_keys.Presence, HashMapping.ToUnixMs(now), double.PositiveInfinity,
            Exclude.Start);
        var outbox = outboxChannels.ToDictionary(c => c, c => (
            Waiting: batch.ListLengthAsync(_keys.Outbox(c)),
            InFlight: batch.ListLengthAsync(_keys.Outbox(c) + ":inflight"),
            Retry: batch.SortedSetLengthAsync(_keys.Outbox(c) + ":retry")), StringComparer.Ordinal);
        batch.Execute();

        var depth = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (queue, length) in waiting)
        {
            depth[queue] = await length;
        }

        var backlog = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (channel, lengths) in outbox)
        {
            backlog[channel] = await lengths.Waiting + await lengths.InFlight + await lengths.Retry;
        }

        return new OperatorGaugeReading(now, depth, await online, backlog);
    }
}
