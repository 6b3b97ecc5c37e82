using System.Globalization;
using StackExchange.Redis;

namespace Omnichannel.Redis.Checking;

/// <summary>
/// The keys of one workspace that the invariants speak about, read with SCAN (never KEYS: it would stall a live
/// Redis) and one read per key. Names are relative to the workspace prefix (<c>conv:{id}</c>, <c>idx:all</c>).
/// Not a point-in-time copy: on a store that is being written, two keys may be read either side of a change.
/// </summary>
internal sealed class StoreSnapshot
{
    private const int Batch = 256;

    public Dictionary<string, Dictionary<string, string>> Hashes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, double>> SortedSets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Lists { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> Sets { get; } = new(StringComparer.Ordinal);

    /// <summary>Undo journals (<c>journal:{op}</c>): operations that started and never finished.</summary>
    public List<string> Journals { get; } = [];

    /// <summary>Keys whose type is not the one their name implies.</summary>
    public List<string> WrongType { get; } = [];

    /// <summary>The event log: how many entries, and the first and last sequence (null when empty or absent).</summary>
    public (long Count, long? First, long? Last) Events { get; private set; }

    public static async Task<StoreSnapshot> ReadAsync(IDatabase db, RedisKeys keys, CancellationToken cancellationToken)
    {
        var snapshot = new StoreSnapshot();
        var names = new List<string>();
        await foreach (var key in ScanAsync(db, keys.Prefix, cancellationToken))
        {
            names.Add(key[keys.Prefix.Length..]);
        }

        snapshot.Journals.AddRange(names.Where(n => n.StartsWith("journal:", StringComparison.Ordinal)).Distinct());

        foreach (var chunk in names.Where(n => KindOf(n) != KeyKind.Ignored).Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(chunk.Select(name => snapshot.ReadKeyAsync(db, keys.Prefix, name)));
        }

        await snapshot.ReadEventsAsync(db, keys);
        return snapshot;
    }

    private static async IAsyncEnumerable<string> ScanAsync(IDatabase db, string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The workspace id is [a-z0-9-]: nothing in the prefix is a glob character (braces are literal in MATCH).
        var pattern = prefix + "*";
        var cursor = "0";
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reply = (RedisResult[])(await db.ExecuteAsync("SCAN", cursor, "MATCH", pattern, "COUNT", "1000"))!;
            cursor = (string)reply[0]!;
            foreach (var key in (RedisResult[])reply[1]!)
            {
                yield return (string)key!;
            }
        }
        while (cursor != "0");
    }

    private enum KeyKind { Ignored, Hash, SortedSet, List, String, Set }

    // The type each key of the schema has (docs/store.md). Keys no invariant reads are not loaded.
    private static KeyKind KindOf(string name)
    {
        var parts = name.Split(':');
        return parts switch
        {
            ["conv", _] or ["msg", _] or ["contact", _] => KeyKind.Hash,
            ["conv", _, "messages"] or ["contact", _, "conversations"] => KeyKind.SortedSet,
            ["dedup", ..] or ["thread", ..] or ["events", "seq"] => KeyKind.String,
            ["idx", ..] or ["queue", _, "waiting"] or ["queue", _, "waiting-sla"] or ["snoozed"] or ["timeouts"] => KeyKind.SortedSet,
            ["outbox", _] or ["outbox", _, "inflight"] => KeyKind.List,
            ["outbox", _, "retry"] => KeyKind.SortedSet,
            // Accounts and settings: each record with the set that lists it (AccountChecks).
            ["agent", _] or ["agents", "by-email"] or ["canned-codes"] or ["article-category-sizes"] or ["session", _] or ["queue", _] or ["token", _] => KeyKind.Hash,
            ["agent", _, "sessions"] => KeyKind.SortedSet,
            ["incident", _] => KeyKind.Hash,
            ["incident", _, "conversations"] or ["incidents"] => KeyKind.SortedSet,
            ["incident", _, "replies"] => KeyKind.Set,
            ["shift", _] or ["sla-policy", _] or ["canned", _] or ["site", _] => KeyKind.String,
            ["article", _] or ["article-category", _] => KeyKind.String,
            ["articles"] or ["article-categories"] => KeyKind.Set,
            ["agents"] or ["queues"] or ["shifts"] or ["sla-policies"] or ["canned-responses"] or ["sites"] or ["tokens"] or ["queue", _, "members"] => KeyKind.Set,
            _ => KeyKind.Ignored,
        };
    }

    private async Task ReadKeyAsync(IDatabase db, string prefix, string name)
    {
        var key = prefix + name;
        try
        {
            switch (KindOf(name))
            {
                case KeyKind.Hash:
                    var entries = await db.HashGetAllAsync(key);
                    lock (Hashes)
                    {
                        Hashes[name] = entries.ToDictionary(
                            e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
                    }

                    break;
                case KeyKind.SortedSet:
                    var members = await db.SortedSetRangeByRankWithScoresAsync(key);
                    lock (SortedSets)
                    {
                        SortedSets[name] = members.ToDictionary(
                            e => (string)e.Element!, e => e.Score, StringComparer.Ordinal);
                    }

                    break;
                case KeyKind.List:
                    var items = await db.ListRangeAsync(key);
                    lock (Lists)
                    {
                        Lists[name] = [.. items.Select(i => (string)i!)];
                    }

                    break;
                case KeyKind.Set:
                    var setMembers = await db.SetMembersAsync(key);
                    lock (Sets)
                    {
                        Sets[name] = [.. setMembers.Select(m => (string)m!)];
                    }

                    break;
                case KeyKind.String:
                    var value = await db.StringGetAsync(key);
                    lock (Strings)
                    {
                        // Gone since the scan: the same as never seen.
                        if (!value.IsNull)
                        {
                            Strings[name] = value!;
                        }
                    }

                    break;
            }
        }
        catch (RedisServerException)
        {
            // WRONGTYPE: the only server error a read of an existing key gives.
            lock (WrongType)
            {
                WrongType.Add(name);
            }
        }
    }

    // The log is capped and can hold tens of thousands of entries: its ends and its size say all the checks need.
    private async Task ReadEventsAsync(IDatabase db, RedisKeys keys)
    {
        var count = await db.SortedSetLengthAsync(keys.Events);
        var first = await db.SortedSetRangeByRankWithScoresAsync(keys.Events, 0, 0);
        var last = await db.SortedSetRangeByRankWithScoresAsync(keys.Events, -1, -1);
        Events = (count,
            first.Length == 0 ? null : (long)first[0].Score,
            last.Length == 0 ? null : (long)last[0].Score);
    }

    /// <summary>The records of one kind (<c>conv</c>, <c>msg</c>, <c>contact</c>) by id.</summary>
    public Dictionary<string, Dictionary<string, string>> Records(string kind) => Hashes
        .Where(h => h.Key.Split(':') is [var k, _] && k == kind)
        .ToDictionary(h => h.Key[(kind.Length + 1)..], h => h.Value, StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> Conversations() => Records("conv");

    public Dictionary<string, string>? Hash(string name) => Hashes.GetValueOrDefault(name);

    public Dictionary<string, double> SortedSet(string name) => SortedSets.GetValueOrDefault(name) ?? [];

    public HashSet<string> Set(string name) => Sets.GetValueOrDefault(name) ?? [];

    internal static string Ms(double score) => ((long)score).ToString(CultureInfo.InvariantCulture);
}
