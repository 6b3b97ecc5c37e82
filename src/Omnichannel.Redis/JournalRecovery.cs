using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Rolls back operations whose script did not finish (journal.lua): each <c>oc:{ws}:journal:{op}</c> left in the
/// store holds the undo records of every write of its operation that the store kept, oldest first. Applying them
/// newest first, with the journal's deletion, in one MULTI/EXEC (which Garnet recovers whole) puts every key back
/// as the operation found it. Nobody was told the operation succeeded, so the caller's retry does it again, once.
/// </summary>
public static class JournalRecovery
{
    /// <summary>Journals of every workspace: <c>oc:{ws}:journal:{op}</c>.</summary>
    public const string Pattern = "oc:*:journal:*";

    /// <summary>
    /// Rolls back every journal in the store, the newest operation first (operation ids are time-ordered), and
    /// returns how many. Run it before anything else writes: at start-up of the embedded store.
    /// </summary>
    public static async Task<int> RollBackAllAsync(IDatabase db, CancellationToken cancellationToken = default)
    {
        var journals = new List<string>();
        var cursor = "0";
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reply = (RedisResult[])(await db.ExecuteAsync("SCAN", cursor, "MATCH", Pattern, "COUNT", "1000"))!;
            cursor = (string)reply[0]!;
            journals.AddRange(((RedisResult[])reply[1]!).Select(k => (string)k!));
        }
        while (cursor != "0");

        var newestFirst = journals.Distinct(StringComparer.Ordinal)
            .OrderByDescending(OperationId, StringComparer.Ordinal);
        foreach (var journal in newestFirst)
        {
            await RollBackAsync(db, journal);
        }

        return journals.Count;
    }

    /// <summary>
    /// Undoes the writes one journal records and deletes it, in one transaction. A missing journal is a no-op. Run
    /// it while nothing else writes (start-up, or right after the journal's own script failed on this connection).
    /// </summary>
    public static async Task RollBackAsync(IDatabase db, string journal)
    {
        var records = await db.ListRangeAsync(journal);
        var transaction = db.CreateTransaction();
        var queued = new List<Task>();
        for (var i = records.Length - 1; i >= 0; i--)
        {
            using var record = JsonDocument.Parse((string)records[i]!);
            // Every write before the newest record was made (its record follows it in the journal); the newest
            // record's write may not have been. Only a trim is not undone by restoring a state: read whether it ran.
            var root = record.RootElement;
            if (i == records.Length - 1 && root[0].GetString() == "lpush"
                && await db.ListLengthAsync(root[1].GetString()) == root[3].GetInt64())
            {
                continue;
            }

            Undo(transaction, root, queued);
        }

        queued.Add(transaction.KeyDeleteAsync(journal));
        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException($"Rolling back {journal} was not executed.");
        }

        await Task.WhenAll(queued);
    }

    private static string OperationId(string journal) => journal[(journal.LastIndexOf(':') + 1)..];

    // One record restores what its write found (the formats are listed at the top of journal.lua).
    private static void Undo(ITransaction transaction, JsonElement record, List<Task> queued)
    {
        var key = (RedisKey)record[1].GetString();
        switch (record[0].GetString())
        {
            case "h":
                var fields = record[2];
                var old = record[3];
                for (var f = 0; f < fields.GetArrayLength(); f++)
                {
                    var field = fields[f].GetString();
                    queued.Add(Value(old[f]) is { } value
                        ? transaction.HashSetAsync(key, field, value)
                        : transaction.HashDeleteAsync(key, field));
                }

                break;
            case "z":
                queued.Add(Value(record[3]) is { } score
                    ? transaction.SortedSetAddAsync(key, record[2].GetString(), Score(score))
                    : transaction.SortedSetRemoveAsync(key, record[2].GetString()));
                break;
            case "s":
                queued.Add(transaction.SetRemoveAsync(key, record[2].GetString()));
                break;
            case "srem":
                queued.Add(transaction.SetAddAsync(key, record[2].GetString()));
                break;
            case "kpx":
                var ttl = record[3].GetInt64();
                queued.Add(Value(record[2]) is not { } expiring ? transaction.KeyDeleteAsync(key)
                    : ttl > 0 ? transaction.StringSetAsync(key, expiring, TimeSpan.FromMilliseconds(ttl))
                    : transaction.StringSetAsync(key, expiring));
                break;
            case "k":
                queued.Add(Value(record[2]) is { } previous
                    ? transaction.StringSetAsync(key, previous)
                    : transaction.KeyDeleteAsync(key));
                break;
            case "ttl":
                // -2: the key was absent, so its expiry was never there to change; -1: it had none.
                var left = record[2].GetInt64();
                if (left != -2)
                {
                    queued.Add(left > 0
                        ? transaction.KeyExpireAsync(key, TimeSpan.FromMilliseconds(left))
                        : transaction.KeyPersistAsync(key));
                }

                break;
            case "ltrim":
                var length = record[2].GetInt64();
                queued.Add(length == 0
                    ? transaction.KeyDeleteAsync(key)
                    : transaction.ListTrimAsync(key, 0, length - 1));
                break;
            case "lpush":
                queued.Add(transaction.ListLeftPushAsync(key,
                    [.. record[2].EnumerateArray().Select(v => (RedisValue)Value(v))]));
                break;
            case "zadd":
                var pairs = record[2];
                var entries = new SortedSetEntry[pairs.GetArrayLength() / 2];
                for (var e = 0; e < entries.Length; e++)
                {
                    entries[e] = new(Value(pairs[(2 * e) + 1]), Score(Value(pairs[2 * e])!));
                }

                queued.Add(transaction.SortedSetAddAsync(key, entries));
                break;
            default:
                throw new InvalidOperationException($"Unknown undo record {record.GetRawText()}.");
        }
    }

    // A value as the script read it: false (Lua's nil from a read) is absent; numbers stay as the server wrote them.
    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static double Score(string score) => double.Parse(score, NumberStyles.Float, CultureInfo.InvariantCulture);
}
