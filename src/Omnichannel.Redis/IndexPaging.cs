using System.Globalization;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Pages newest-first through one or more sorted-set indices (an agent in several queues reads several).
/// Order is (score desc, member desc), which is Redis's own reverse order, so ties on the same millisecond
/// never skip or repeat an item. The cursor is "score.member" of the last item returned.
/// </summary>
internal static class IndexPaging
{
    public static async Task<(IReadOnlyList<string> Ids, string? Next)> PageAsync(IDatabase db, RedisKey[] sources, string? cursor, int limit)
    {
        var (maxScore, afterMember) = Parse(cursor);
        var candidates = new List<(double Score, string Member)>();
        foreach (var source in sources)
        {
            candidates.AddRange(await ReadAfterAsync(db, source, maxScore, afterMember, limit + 1));
        }

        var ordered = candidates
            .DistinctBy(c => c.Member)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Member, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > limit ? Format(page[^1]) : null;
        return ([.. page.Select(p => p.Member)], next);
    }

    private static async Task<List<(double Score, string Member)>> ReadAfterAsync(IDatabase db, RedisKey key, double maxScore, string? afterMember, int wanted)
    {
        var result = new List<(double, string)>(wanted);
        var skip = 0;
        const int Batch = 64;
        while (result.Count < wanted)
        {
            var entries = await db.SortedSetRangeByScoreWithScoresAsync(key, maxScore, double.NegativeInfinity, Exclude.None, Order.Descending, skip, Math.Max(wanted, Batch));
            foreach (var entry in entries)
            {
                var member = (string)entry.Element!;
                // Items on the cursor's own score are past the cursor only when their member sorts below it.
                if (afterMember is not null && entry.Score == maxScore && string.CompareOrdinal(member, afterMember) >= 0)
                {
                    continue;
                }

                result.Add((entry.Score, member));
                if (result.Count == wanted)
                {
                    break;
                }
            }

            if (entries.Length < Math.Max(wanted, Batch))
            {
                break;
            }

            skip += entries.Length;
        }

        return result;
    }

    private static (double MaxScore, string? AfterMember) Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (double.PositiveInfinity, null);
        }

        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var score) || dot == cursor.Length - 1)
        {
            throw new FormatException("The cursor is not valid.");
        }

        return (score, cursor[(dot + 1)..]);
    }

    private static string Format((double Score, string Member) item) =>
        ((long)item.Score).ToString(CultureInfo.InvariantCulture) + "." + item.Member;
}
