namespace Omnichannel.Redis.Checking;

/// <summary>
/// Messages against their conversation, their dedup key and the outbox. ingest.lua writes an inbound message with
/// <c>msgSeq</c>/<c>messageCount</c> bumped, its id in <c>conv:{id}:messages</c> at score = seq, and
/// <c>dedup:{channel}:{account}:{externalId}</c> = <c>conv|msg|contact</c>; append_outbound.lua writes a reply the same
/// way plus its id in <c>outbox:{channel}</c> (pending); claim_outbound.lua, the sender and set_delivery.lua move it
/// through <c>:inflight</c> and <c>:retry</c> and record the delivery before letting go of it.
/// </summary>
internal static class MessageChecks
{
    private static readonly string[] Required =
        ["id", "conversationId", "seq", "direction", "authorKind", "createdAt", "delivery"];

    public static void Run(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var conversations = snapshot.Conversations();
        var messages = snapshot.Records("msg");
        CheckConversationMessages(snapshot, conversations, messages, findings);
        var deduplicated = CheckDedupKeys(snapshot, messages, findings);
        var queued = CheckOutbox(snapshot, messages, findings);
        foreach (var (id, fields) in messages)
        {
            CheckMessage(snapshot, conversations, id, fields, deduplicated, queued, findings);
        }
    }

    private static void CheckConversationMessages(StoreSnapshot snapshot,
        Dictionary<string, Dictionary<string, string>> conversations,
        Dictionary<string, Dictionary<string, string>> messages, List<StoreFinding> findings)
    {
        foreach (var name in snapshot.SortedSets.Keys.Where(n => n.Split(':') is ["conv", _, "messages"]))
        {
            if (!conversations.ContainsKey(name.Split(':')[1]))
            {
                findings.Add(new("messages-orphan", name, "lists messages of a conversation that has no record"));
            }
        }

        foreach (var (id, fields) in conversations)
        {
            var name = "conv:" + id + ":messages";
            var listed = snapshot.SortedSet(name);
            var count = fields.GetValueOrDefault("messageCount");
            if (count is not null && count != listed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                findings.Add(new("message-count", "conv:" + id,
                    $"messageCount is {count}, {listed.Count} messages are listed"));
            }

            var seqs = listed.Values.Select(v => (long)v).Order().ToList();
            var gap = seqs.Select((s, i) => (s, i)).FirstOrDefault(p => p.s != p.i + 1, (-1, -1));
            if (gap.i >= 0)
            {
                findings.Add(new("sequence-gap", name, $"sequence {gap.i + 1} is missing (found {gap.s} there)"));
            }

            var last = seqs.Count == 0 ? 0 : seqs[^1];
            if (fields.GetValueOrDefault("msgSeq") is { } msgSeq
                && msgSeq != last.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                findings.Add(new("sequence-counter", "conv:" + id,
                    $"msgSeq is {msgSeq}, the last listed message has {last}"));
            }

            var replied = false;
            foreach (var (messageId, score) in listed)
            {
                if (!messages.TryGetValue(messageId, out var message))
                {
                    findings.Add(new("message-missing", name, $"lists message {messageId}, which has no record"));
                    continue;
                }

                if (message.GetValueOrDefault("seq") != StoreSnapshot.Ms(score))
                {
                    findings.Add(new("message-seq", "msg:" + messageId, $"seq is {message.GetValueOrDefault("seq")}, "
                        + $"listed at {StoreSnapshot.Ms(score)}"));
                }

                replied |= message.GetValueOrDefault("direction") == "out"
                    && message.GetValueOrDefault("private") != "1";
            }

            if (replied && !fields.ContainsKey("firstResponseAt"))
            {
                findings.Add(new("first-response-missing", "conv:" + id, "has a reply but no firstResponseAt"));
            }
        }
    }

    // dedup:{channel}:{account}:{externalId} -> "conv|msg|contact". Returns the message ids the keys point to.
    private static HashSet<string> CheckDedupKeys(StoreSnapshot snapshot,
        Dictionary<string, Dictionary<string, string>> messages, List<StoreFinding> findings)
    {
        var pointed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in snapshot.Strings.Where(s => s.Key.StartsWith("dedup:", StringComparison.Ordinal)))
        {
            if (value.Split('|') is not [var conversationId, var messageId, _])
            {
                findings.Add(new("dedup-mismatch", name, $"value '{value}' is not conversation|message|contact"));
                continue;
            }

            pointed.Add(messageId);
            if (!messages.TryGetValue(messageId, out var message))
            {
                findings.Add(new("dedup-orphan", name, $"points to message {messageId}, which has no record"));
            }
            else if (message.GetValueOrDefault("conversationId") != conversationId)
            {
                findings.Add(new("dedup-mismatch", name, $"says conversation {conversationId}, message {messageId} "
                    + $"is in {message.GetValueOrDefault("conversationId")}"));
            }
            else if (!name.EndsWith(":" + message.GetValueOrDefault("externalId"), StringComparison.Ordinal))
            {
                findings.Add(new("dedup-mismatch", name, $"points to message {messageId}, whose externalId is "
                    + message.GetValueOrDefault("externalId")));
            }
        }

        return pointed;
    }

    // outbox:{channel}, outbox:{channel}:inflight (lists), outbox:{channel}:retry (zset). Returns the ids in any.
    private static HashSet<string> CheckOutbox(StoreSnapshot snapshot,
        Dictionary<string, Dictionary<string, string>> messages, List<StoreFinding> findings)
    {
        var entries = snapshot.Lists.Where(l => l.Key.StartsWith("outbox:", StringComparison.Ordinal))
            .SelectMany(l => l.Value.Select(id => (Name: l.Key, Id: id)))
            .Concat(snapshot.SortedSets.Where(z => z.Key.Split(':') is ["outbox", _, "retry"])
                .SelectMany(z => z.Value.Keys.Select(id => (Name: z.Key, Id: id))))
            .ToList();
        foreach (var (name, id) in entries)
        {
            if (!messages.TryGetValue(id, out var message))
            {
                findings.Add(new("outbox-orphan", name, $"holds message {id}, which has no record"));
            }
            else if (message.GetValueOrDefault("direction") != "out" || message.GetValueOrDefault("private") == "1")
            {
                findings.Add(new("outbox-not-reply", name, $"holds message {id}, which is not a reply to send"));
            }
        }

        foreach (var twice in entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.Add(new("outbox-duplicate", "msg:" + twice.Key,
                "queued more than once: " + string.Join(", ", twice.Select(e => e.Name))));
        }

        return entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static void CheckMessage(StoreSnapshot snapshot,
        Dictionary<string, Dictionary<string, string>> conversations,
        string id, Dictionary<string, string> fields, HashSet<string> deduplicated, HashSet<string> queued,
        List<StoreFinding> findings)
    {
        var key = "msg:" + id;
        var missing = Required.Where(f => !fields.ContainsKey(f)).ToList();
        if (missing.Count > 0 || fields["id"] != id)
        {
            var what = missing.Count > 0 ? "missing " + string.Join(", ", missing) : $"id field is {fields["id"]}";
            findings.Add(new("message-field", key, what));
            return;
        }

        var conversationId = fields["conversationId"];
        if (!conversations.ContainsKey(conversationId))
        {
            findings.Add(new("message-orphan", key, $"its conversation {conversationId} has no record"));
        }
        else if (!snapshot.SortedSet("conv:" + conversationId + ":messages").ContainsKey(id))
        {
            findings.Add(new("message-unlisted", key, $"not listed in conv:{conversationId}:messages"));
        }

        if (fields["direction"] == "in" && !deduplicated.Contains(id))
        {
            findings.Add(new("dedup-missing", key, fields.TryGetValue("externalId", out var external)
                ? $"no dedup key points to this inbound message (externalId {external})"
                : "inbound message without externalId or dedup key"));
        }

        var pending = fields["direction"] == "out" && fields.GetValueOrDefault("private") != "1"
            && fields["delivery"] == "pending";
        if (pending && !queued.Contains(id))
        {
            findings.Add(new("outbox-missing", key, "pending reply in no outbox list: it will never be sent"));
        }
    }
}
