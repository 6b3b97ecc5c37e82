using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Rolls back operations whose script did not finish (journal.lua): each <c>oc:{ws}:journal:{op}</c> left in the
/// store holds the undo records of every write of its operation that the store kept, oldest first.
/// journal_rollback.lua undoes them newest first, popping each once it is undone, which puts every key back as the
/// operation found it. A kill during the roll-back leaves the records not yet popped; every undo sets a state, so
/// the next start redoes the newest of them harmlessly and finishes. Nobody was told the operation succeeded, so the
/// caller's retry does it again, once.
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
            .OrderByDescending(OperationId, StringComparer.Ordinal)
            .ToList();
        foreach (var journal in newestFirst)
        {
            await RollBackAsync(db, journal);
        }

        return newestFirst.Count;
    }

    /// <summary>
    /// Undoes the writes one journal records and deletes it (journal_rollback.lua). A missing journal is a no-op.
    /// Run it while nothing else writes to the operation's keys (start-up, or right after the journal's own script
    /// failed), as the undo puts back what the operation found.
    /// </summary>
    public static Task RollBackAsync(IDatabase db, string journal) =>
        db.ScriptEvaluateAsync(LuaScripts.JournalRollBack, RollBackKeys(journal));

    /// <summary>The keys of journal_rollback.lua: the journal alone (it lives in its workspace's slot).</summary>
    internal static RedisKey[] RollBackKeys(string journal) => [journal];

    private static string OperationId(string journal) => journal[(journal.LastIndexOf(':') + 1)..];
}
