using Omnichannel.Core.Model;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// Holds the store after a restart against what <see cref="StorePathLedger"/> says it acknowledged: every
/// ingest stored exactly once under the ids it was answered with (dedup key and message pointing at each other),
/// every reply with its message and its outbox entry, each conversation in exactly one agent's list or one queue,
/// each conversation holding what its last acknowledged change left, and what <see cref="StoreChecker"/> finds.
/// One line per finding.
/// </summary>
internal static class StorePathVerdict
{
    /// <param name="final">
    /// False after a restart, before the writers go on: an ingest still being retried is not judged yet, nor the
    /// conversations' states (a writer may hold an acknowledgement whose read-back the kill cut off). The rest holds
    /// already, and is checked then because a later write can cover damage up (an assignment lists the conversation
    /// again).
    /// </param>
    public static async Task<List<string>> JudgeAsync(IDatabase db, RedisKeys keys, StorePathLedger ledger,
        bool final)
    {
        var snapshot = await StoreSnapshot.ReadAsync(db, keys, CancellationToken.None);
        var findings = new List<string>();
        var messages = snapshot.Records("msg");
        JudgeIngests(snapshot, messages, ledger, final, findings);
        JudgeReplies(snapshot, messages, ledger, findings);
        JudgeLists(snapshot, findings);
        if (final)
        {
            JudgeStates(snapshot, ledger, findings);
        }

        // Every other invariant: an agent's list naming a conversation assigned to someone else, an index missing
        // an entry. Settled: the live server's own jobs may write while this reads.
        var report = await new StoreChecker(keys).CheckSettledAsync(db);
        findings.AddRange(report.Findings.Select(f => "check: " + f));
        return findings;
    }

    private static void JudgeIngests(StoreSnapshot snapshot, Dictionary<string, Dictionary<string, string>> messages,
        StorePathLedger ledger, bool final, List<string> findings)
    {
        var inbound = messages.Values.Where(m => m.GetValueOrDefault("direction") == "in")
            .GroupBy(m => m.GetValueOrDefault("externalId") ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (externalId, acknowledged) in ledger.Ingests)
        {
            if (acknowledged is null)
            {
                if (final)
                {
                    findings.Add($"ingest {externalId}: never acknowledged");
                }

                continue;
            }

            var stored = inbound.GetValueOrDefault(externalId) ?? [];
            if (stored.Count != 1)
            {
                findings.Add($"ingest {externalId}: stored {stored.Count} times");
            }

            var (conversation, message, contact) = acknowledged;
            var dedup = $"dedup:{ChannelNames.Email}:{StoreWriter.Account}:{externalId}";
            var pointsTo = snapshot.Strings.GetValueOrDefault(dedup);
            if (pointsTo != $"{conversation}|{message}|{contact}")
            {
                findings.Add($"ingest {externalId}: {dedup} is '{pointsTo}', "
                    + $"acknowledged {conversation}|{message}|{contact}");
            }

            if (!messages.TryGetValue(message, out var fields) || fields.GetValueOrDefault("externalId") != externalId
                || fields.GetValueOrDefault("conversationId") != conversation)
            {
                findings.Add($"ingest {externalId}: acknowledged message {message} in {conversation} is not stored so");
            }
            else if (!snapshot.SortedSet($"conv:{conversation}:messages").ContainsKey(message))
            {
                findings.Add($"ingest {externalId}: message {message} is not listed in its conversation");
            }
        }

        foreach (var (externalId, stored) in inbound.Where(i => !ledger.Ingests.ContainsKey(i.Key)))
        {
            findings.Add($"inbound message {stored[0].GetValueOrDefault("id")} with external id '{externalId}' "
                + "was never sent");
        }
    }

    private static void JudgeReplies(StoreSnapshot snapshot, Dictionary<string, Dictionary<string, string>> messages,
        StorePathLedger ledger, List<string> findings)
    {
        var outbox = snapshot.Lists.GetValueOrDefault("outbox:" + ChannelNames.Email) ?? [];
        var queued = outbox.GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (message, conversation) in ledger.Replies)
        {
            if (!messages.TryGetValue(message, out var fields) || fields.GetValueOrDefault("direction") != "out"
                || fields.GetValueOrDefault("conversationId") != conversation)
            {
                findings.Add($"reply {message} in {conversation}: acknowledged, not stored");
                continue;
            }

            if (!snapshot.SortedSet($"conv:{conversation}:messages").ContainsKey(message))
            {
                findings.Add($"reply {message}: not listed in conversation {conversation}");
            }

            if (queued.GetValueOrDefault(message) != 1)
            {
                findings.Add($"reply {message}: {queued.GetValueOrDefault(message)} entries in the outbox, not 1");
            }
        }
    }

    // Where a conversation is listed: idx:agent:{agent} while assigned, idx:unassigned:{queue} and
    // queue:{queue}:waiting while it waits. Exactly one agent or one queue, never two, never both.
    private static void JudgeLists(StoreSnapshot snapshot, List<string> findings)
    {
        var holders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, members) in snapshot.SortedSets)
        {
            var holder = name.Split(':') switch
            {
                ["idx", "agent", var agent] => "agent " + agent,
                ["idx", "unassigned", var queue] => "queue " + queue,
                ["queue", var queue, "waiting"] => "queue " + queue,
                _ => null,
            };
            if (holder is null)
            {
                continue;
            }

            foreach (var conversation in members.Keys)
            {
                if (!holders.TryGetValue(conversation, out var set))
                {
                    holders[conversation] = set = new(StringComparer.Ordinal);
                }

                set.Add(holder);
            }
        }

        foreach (var conversation in snapshot.Conversations().Keys)
        {
            var held = holders.GetValueOrDefault(conversation) ?? [];
            if (held.Count != 1)
            {
                findings.Add($"conversation {conversation}: held by {held.Count} ({string.Join(", ", held.Order())})");
            }
        }
    }

    private static void JudgeStates(StoreSnapshot snapshot, StorePathLedger ledger, List<string> findings)
    {
        var conversations = snapshot.Conversations();
        foreach (var (conversation, expected) in ledger.Expected)
        {
            if (expected is null)
            {
                continue;
            }

            var fields = conversations.GetValueOrDefault(conversation);
            var status = fields?.GetValueOrDefault("status");
            var assignee = fields?.GetValueOrDefault("assigneeId");
            if (status != expected.Status.ToText() || assignee != expected.AssigneeId)
            {
                findings.Add($"conversation {conversation}: holds {status ?? "nothing"}/{assignee ?? "queue"}, its "
                    + $"last acknowledged change left {expected.Status.ToText()}/{expected.AssigneeId ?? "queue"}");
            }
        }
    }
}
