using System.Text.Json;
using Omnichannel.Core.Ports;

namespace Omnichannel.Redis;

/// <summary>
/// The audit log written by the assignment scripts. Keys (prefix <c>oc:{ws}:</c>): <c>audit</c> zset, score = time (ms),
/// member = 15-digit sequence + JSON entry (capped at 100,000); <c>audit:seq</c>; <c>conv:{id}:activity</c> list of the
/// conversation's entries (capped at 500).
/// </summary>
public sealed class RedisAuditLog(RedisConnection connection) : IAuditLog
{
    private const int SequenceDigits = 15;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var entries = new List<AuditEntry>(limit);
        var from = (double)HashMapping.ToUnixMs(since);
        const int PageSize = 500;
        // Entries of one millisecond sort by their sequence prefix; those at or before afterSequence are skipped.
        for (long skip = 0; entries.Count < limit; skip += PageSize)
        {
            var page = await db.SortedSetRangeByScoreAsync(_keys.Audit, from, double.PositiveInfinity, skip: skip, take: PageSize);
            foreach (var member in page)
            {
                var entry = Parse(member!);
                if (entry.Sequence > afterSequence && entries.Count < limit)
                {
                    entries.Add(entry);
                }
            }

            if (page.Length < PageSize)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var items = await db.ListRangeAsync(_keys.ConversationActivity(conversationId));
        return [.. items.Select(i => FromJson((string)i!))];
    }

    private static AuditEntry Parse(string member) => FromJson(member[SequenceDigits..]);

    private static AuditEntry FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new AuditEntry(
            root.GetProperty("seq").GetInt64(),
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("at").GetInt64()),
            root.GetProperty("type").GetString() ?? "",
            json);
    }
}
