using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Keys (prefix <c>oc:{ws}:</c>): <c>outbox:{channel}</c> list waiting, <c>outbox:{channel}:inflight</c> list claimed,
/// <c>outbox:{channel}:retry</c> zset scheduled retries (score = due ms); <c>msg:{id}</c> field <c>attempts</c>.
/// </summary>
public sealed class RedisOutboundQueue(RedisConnection connection) : IOutboundQueue
{
    private readonly RedisKeys _keys = connection.Keys;

    private string Queue(string channel) => _keys.Outbox(channel);

    private RedisValue[] CommonArgs(DateTimeOffset now) => [_keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity];

    public async Task<OutboundClaim?> ClaimAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.ClaimOutbound, ClaimCall(channel, now));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new OutboundClaim((string)values[0]!, (int)values[1]);
    }

    /// <summary>The keys and arguments of claim_outbound.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) ClaimCall(string channel, DateTimeOffset now) =>
        connection.JournaledCall([.. CommonArgs(now), channel]);

    public async Task CompleteAsync(string channel, string messageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.ListRemoveAsync(Queue(channel) + ":inflight", messageId);
    }

    public async Task RetryLaterAsync(string channel, string messageId, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        await connection.EvaluateJournaledAsync(LuaScripts.RetryLater, RetryLaterCall(channel, messageId, due));
    }

    /// <summary>The keys and arguments of retry_later.lua (its clock argument is the due time), and its undo journal.</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) RetryLaterCall(string channel, string messageId, DateTimeOffset due) =>
        connection.JournaledCall([.. CommonArgs(due), channel, messageId, HashMapping.Ms(due)]);

    public async Task<int> RecoverInFlightAsync(string channel, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var moved = 0;
        while (await db.ListMoveAsync(Queue(channel) + ":inflight", Queue(channel), ListSide.Left, ListSide.Left) is { IsNull: false })
        {
            moved++;
        }

        return moved;
    }

    public async Task<DeliveryUpdate?> SetDeliveryAsync(string messageId, DeliveryState state, string? error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.SetDelivery,
            SetDeliveryCall(messageId, state, error, now));
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        var previous = Enum.Parse<DeliveryState>((string)values[0]! is { Length: > 0 } p ? p : "none", ignoreCase: true);
        var seq = (long)values[1];
        return new DeliveryUpdate(previous, Deliverable: seq >= 0, Changed: seq > 0, EventSequence: Math.Max(seq, 0));
    }

    /// <summary>The keys and arguments of set_delivery.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SetDeliveryCall(string messageId,
        DeliveryState state, string? error, DateTimeOffset now) =>
        connection.JournaledCall([.. CommonArgs(now), messageId, state.ToString().ToLowerInvariant(), error ?? ""]);
}
