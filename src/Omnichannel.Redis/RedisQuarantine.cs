using System.Globalization;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Inbound items set aside. Keys (prefix <c>oc:{ws}:</c>, listed in docs/store.md):
/// <code>
/// quarantine:{id}                         hash  id channel account item reason attempts at rawBytes rawBlob raw(base64)
/// quarantine                              zset  entry ids, score = quarantined at (ms)
/// quarantine:items                        hash  "{channel}:{account}:{item}" -> entry id (one entry per item)
/// quarantine:tries:{channel}:{account}:{item}  hash  count error: tries so far; expires after TriesLifetime
/// </code>
/// Adding and removing an entry are one journaled script each (quarantine_add.lua, quarantine_remove.lua), with
/// their audit entry; the tries counter is quarantine_try.lua. The raw bytes are base64: the undo journal's records are
/// JSON, which binary does not survive (Garnet's cjson leaves a NUL unescaped).
/// </summary>
public sealed class RedisQuarantine(RedisConnection connection) : IQuarantineStore
{
    /// <summary>An item not tried for this long starts counting afresh (the counter is not kept forever).</summary>
    public static readonly TimeSpan TriesLifetime = TimeSpan.FromDays(7);

    private const int MaxErrorLength = 1000;

    private readonly RedisKeys _keys = connection.Keys;

    private string Entry(string id) => _keys.Prefix + "quarantine:" + id;

    private string Index => _keys.Prefix + "quarantine";

    private static string ItemKey(InboundItemRef item) => $"{item.Channel}:{item.Account}:{item.ItemId}";

    private string Tries(InboundItemRef item) => _keys.Prefix + "quarantine:tries:" + ItemKey(item);

    public async Task<InboundAttempt> BeginAttemptAsync(InboundItemRef item, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await connection.EvaluateJournaledAsync(LuaScripts.QuarantineTry, TryCall(item)))!;
        return new InboundAttempt((int)result[0], result[1].IsNull ? null : (string?)result[1]);
    }

    /// <summary>The keys and arguments of quarantine_try.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) TryCall(InboundItemRef item) =>
        connection.JournaledCall([Tries(item), (long)TriesLifetime.TotalMilliseconds]);

    public async Task CancelAttemptAsync(InboundItemRef item)
    {
        var db = await connection.DatabaseAsync();
        await db.HashDecrementAsync(Tries(item), "count");
    }

    public async Task RecordFailureAsync(InboundItemRef item, string error, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.HashSetAsync(Tries(item), "error", error.Length <= MaxErrorLength ? error : error[..MaxErrorLength]);
    }

    public async Task EndAttemptAsync(InboundItemRef item, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        // Nobody waits for it: a counter left behind only expires.
        await db.KeyDeleteAsync(Tries(item), CommandFlags.FireAndForget);
    }

    public async Task<QuarantineEntry> AddAsync(NewQuarantineEntry entry, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.QuarantineAdd, AddCall(entry, now));
        var storedId = (string)result!;
        return await GetAsync(storedId, cancellationToken)
            ?? throw new InvalidOperationException($"Quarantine entry {storedId} vanished as it was written.");
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) AddCall(NewQuarantineEntry entry, DateTimeOffset now)
    {
        var id = Ids.New();
        var journal = connection.NewJournal(id);
        RedisValue[] args =
        [
            _keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity,
            ItemKey(entry.Item), id, entry.Item.Channel, entry.Item.Account, entry.Item.ItemId, entry.Reason,
            entry.Attempts, entry.RawBytes, entry.RawBlobKey ?? "",
            entry.InlineRaw is null ? "" : Convert.ToBase64String(entry.InlineRaw),
        ];
        return (connection.JournalKeys(journal), args, journal);
    }

    public async Task<QuarantinePage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(Index, offset, offset + limit, Order.Descending);
        // One pipelined batch for the page, not two round trips per entry.
        var entries = await Task.WhenAll(ids.Take(limit).Select(id => GetAsync(id!, cancellationToken)));
        return new QuarantinePage([.. entries.OfType<QuarantineEntry>()], ids.Length > limit ? offset + limit : null);
    }

    public async Task<QuarantineEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        // Both sent at once (pipelined); "raw" itself stays in the store until a retry asks for it.
        var read = db.HashGetAsync(Entry(id), ["channel", "account", "item", "reason", "attempts", "at", "rawBytes", "rawBlob"]);
        var inline = db.HashExistsAsync(Entry(id), "raw");
        var fields = await read;
        return fields[0].IsNull ? null : ToEntry(id, [.. fields.Select(f => (string?)f ?? "")], await inline);
    }

    public async Task<byte[]?> GetInlineRawAsync(string id, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var raw = await db.HashGetAsync(Entry(id), "raw");
        return raw.IsNull ? null : Convert.FromBase64String((string)raw!);
    }

    public async Task<QuarantineEntry?> RemoveAsync(string id, QuarantineRemoval removal, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var result = await connection.EvaluateJournaledAsync(LuaScripts.QuarantineRemove, RemoveCall(id, removal, actorId, now));
        if (result.IsNull)
        {
            return null;
        }

        var values = ((RedisResult[])result!).Select(v => (string?)v ?? "").ToArray();
        return ToEntry(id, values[..8], values[8] == "1");
    }

    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) RemoveCall(
        string id, QuarantineRemoval removal, string actorId, DateTimeOffset now)
    {
        var journal = connection.NewJournal();
        RedisValue[] args =
        [
            _keys.Prefix, HashMapping.Ms(now), connection.EventLogCapacity,
            id, removal == QuarantineRemoval.Retried ? "retried" : "discarded", actorId,
        ];
        return (connection.JournalKeys(journal), args, journal);
    }

    private static QuarantineEntry ToEntry(string id, string[] f, bool inline) => new(
        id,
        new InboundItemRef(f[0], f[1], f[2]),
        f[3],
        int.Parse(f[4], CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[5], CultureInfo.InvariantCulture)),
        long.Parse(f[6], CultureInfo.InvariantCulture),
        inline,
        f[7].Length == 0 ? null : f[7]);
}
