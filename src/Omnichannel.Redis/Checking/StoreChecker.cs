using StackExchange.Redis;

namespace Omnichannel.Redis.Checking;

/// <summary>
/// Finds every broken invariant of one workspace: what the scripts write together but the store no longer holds
/// together (an index entry without its record, a message without its dedup key, a conversation in two agents'
/// lists, a counter that disagrees with the data...). Reads only (SCAN and plain reads), never writes.
/// The finding kinds are listed in docs/operations.md.
/// </summary>
public sealed class StoreChecker(RedisKeys keys)
{
    /// <summary>
    /// Checks once. On a store that is being written the reads are not one snapshot, so a change between two reads
    /// can show as a finding: use <see cref="CheckSettledAsync"/> there.
    /// </summary>
    public async Task<StoreCheckReport> CheckAsync(IDatabase db, CancellationToken cancellationToken = default)
    {
        var snapshot = await StoreSnapshot.ReadAsync(db, keys, cancellationToken);
        var findings = new List<StoreFinding>();
        foreach (var name in snapshot.WrongType)
        {
            findings.Add(new("wrong-type", name, "holds another type than the key schema says"));
        }

        foreach (var journal in snapshot.Journals)
        {
            // journal.lua: a script deletes its journal as its last write. One still here is an operation that
            // stopped part way (a crash, a script error); until rolled back its writes may be half there.
            findings.Add(new("journal-pending", journal,
                "an operation that never finished; the embedded server rolls it back when it starts"));
        }

        ConversationChecks.Run(snapshot, keys.Prefix, findings);
        MessageChecks.Run(snapshot, findings);
        AccountChecks.Run(snapshot, findings);
        CannedResponseChecks.Run(snapshot, findings);
        ArticleChecks.Run(snapshot, findings);
        IncidentChecks.Run(snapshot, findings);
        CheckEventLog(snapshot, findings);
        var ordered = findings.Distinct()
            .OrderBy(f => f.Kind, StringComparer.Ordinal)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ThenBy(f => f.Detail, StringComparer.Ordinal)
            .ToList();
        return new StoreCheckReport(ordered, snapshot.Records("conv").Count, snapshot.Records("msg").Count);
    }

    /// <summary>
    /// Checks, and when something shows, checks again and keeps only what shows both times: a change that was
    /// half read the first time (another node writing) is whole by the second pass, a broken invariant is not.
    /// </summary>
    public async Task<StoreCheckReport> CheckSettledAsync(IDatabase db, CancellationToken cancellationToken = default)
    {
        var first = await CheckAsync(db, cancellationToken);
        if (first.Findings.Count == 0)
        {
            return first;
        }

        var second = await CheckAsync(db, cancellationToken);
        var seen = first.Findings.ToHashSet();
        return second with { Findings = [.. second.Findings.Where(seen.Contains)] };
    }

    // common.lua emit: INCR events:seq and ZADD the event at that score in the same script, trimming the oldest
    // past the cap. So the log's entries are consecutive and the last one carries the counter's value.
    private static void CheckEventLog(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var (count, first, last) = snapshot.Events;
        var counter = snapshot.Strings.GetValueOrDefault("events:seq");
        long? sequence = long.TryParse(counter, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? s
            : null;
        if (sequence is null && (count > 0 || snapshot.Records("conv").Count > 0))
        {
            findings.Add(new("event-counter", "events:seq", $"missing, while the log holds {count} events"));
        }
        else if (sequence is { } seq && last != seq && (seq > 0 || count > 0))
        {
            findings.Add(new("event-counter", "events:seq",
                $"is {seq}, the last event logged is {last?.ToString() ?? "none"}"));
        }

        if (first is { } f && last is { } l && l - f + 1 != count)
        {
            findings.Add(new("event-gap", "events", $"holds {count} events from {f} to {l}: some are missing"));
        }
    }
}
