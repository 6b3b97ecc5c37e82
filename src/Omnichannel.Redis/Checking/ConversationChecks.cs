namespace Omnichannel.Redis.Checking;

/// <summary>
/// A conversation record against everything that lists it. The scripts (common.lua <c>reindex</c>, ingest.lua,
/// change_status.lua, routing.lua <c>assign_to</c>) write a conversation's status, assignee and queue together with
/// the lists those put it in: <c>idx:all[:status]</c>, <c>idx:agent:{a}[:status]</c> when assigned, else
/// <c>idx:unassigned:{q}[:status]</c> and <c>idx:unassigned-all[:status]</c>, every one scored by
/// <c>lastActivityAt</c>; <c>queue:{q}:waiting</c> while open and unassigned; <c>snoozed</c> (score = snoozedUntil)
/// while snoozed; <c>timeouts</c> only while open and assigned. Its thread key and its contact point back to it.
/// </summary>
internal static class ConversationChecks
{
    private static readonly string[] Required =
    [
        "id", "channel", "account", "contactId", "status", "queue", "tier", "createdAt", "lastActivityAt",
        "lastInboundAt", "threadKey", "msgSeq", "messageCount",
    ];

    private static readonly HashSet<string> Statuses =
        new(["open", "pending", "snoozed", "resolved"], StringComparer.Ordinal);

    public static void Run(StoreSnapshot snapshot, string prefix, List<StoreFinding> findings)
    {
        var conversations = snapshot.Conversations();
        var listedIn = ListsByConversation(snapshot, conversations, findings);
        foreach (var (id, fields) in conversations)
        {
            if (!HasRequiredFields(id, fields, findings))
            {
                continue;
            }

            var lists = listedIn.GetValueOrDefault(id) ?? [];
            CheckIndices(snapshot, id, fields, lists, findings);
            CheckQueueAndSchedules(snapshot, id, fields, lists, findings);
            CheckLinks(snapshot, prefix, id, fields, lists, findings);
        }

        foreach (var (name, value) in snapshot.Strings)
        {
            if (name.StartsWith("thread:", StringComparison.Ordinal) && !conversations.ContainsKey(value))
            {
                findings.Add(new("thread-orphan", name, $"points to conversation {value}, which has no record"));
            }
        }
    }

    // Every sorted set whose members are conversation ids, inverted: conversation id -> names of the sets.
    private static Dictionary<string, List<string>> ListsByConversation(
        StoreSnapshot snapshot, Dictionary<string, Dictionary<string, string>> conversations,
        List<StoreFinding> findings)
    {
        var listedIn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, members) in snapshot.SortedSets)
        {
            if (!ListsConversations(name))
            {
                continue;
            }

            foreach (var member in members.Keys)
            {
                if (!conversations.ContainsKey(member))
                {
                    findings.Add(new("index-orphan", name, $"lists conversation {member}, which has no record"));
                    continue;
                }

                if (!listedIn.TryGetValue(member, out var names))
                {
                    listedIn[member] = names = [];
                }

                names.Add(name);
            }
        }

        return listedIn;
    }

    private static bool ListsConversations(string name) => name.Split(':') switch
    {
        ["idx", ..] or ["snoozed"] or ["timeouts"] => true,
        ["queue", _, "waiting"] or ["queue", _, "waiting-sla"] or ["contact", _, "conversations"] => true,
        _ => false,
    };

    private static bool HasRequiredFields(string id, Dictionary<string, string> fields, List<StoreFinding> findings)
    {
        var key = "conv:" + id;
        var missing = Required.Where(f => !fields.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            findings.Add(new("conversation-field", key, "missing " + string.Join(", ", missing)));
        }
        else if (fields["id"] != id)
        {
            findings.Add(new("conversation-field", key, $"id field is {fields["id"]}"));
        }
        else if (!Statuses.Contains(fields["status"]))
        {
            findings.Add(new("conversation-field", key, $"unknown status {fields["status"]}"));
        }
        else
        {
            return true;
        }

        return false;
    }

    // common.lua index_keys: the lists a conversation belongs to, given its status, assignee and queue.
    internal static HashSet<string> ExpectedIndices(string status, string assignee, string queue)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "idx:all", "idx:all:" + status };
        if (assignee.Length > 0)
        {
            names.UnionWith(["idx:agent:" + assignee, "idx:agent:" + assignee + ":" + status]);
        }
        else
        {
            names.UnionWith(["idx:unassigned:" + queue, "idx:unassigned:" + queue + ":" + status]);
            names.UnionWith(["idx:unassigned-all", "idx:unassigned-all:" + status]);
        }

        return names;
    }

    private static void CheckIndices(
        StoreSnapshot snapshot, string id, Dictionary<string, string> fields, List<string> lists,
        List<StoreFinding> findings)
    {
        var (status, queue) = (fields["status"], fields["queue"]);
        var assignee = fields.GetValueOrDefault("assigneeId") ?? "";
        var state = assignee.Length > 0
            ? $"{status}, assigned to {assignee}"
            : $"{status}, unassigned in queue {queue}";
        var expected = ExpectedIndices(status, assignee, queue);
        var actual = lists.Where(n => n.StartsWith("idx:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in expected.Where(n => !actual.Contains(n)).Order(StringComparer.Ordinal))
        {
            findings.Add(new("index-missing", name, $"does not list conversation {id} ({state})"));
        }

        foreach (var name in actual.Where(n => !expected.Contains(n)).Order(StringComparer.Ordinal))
        {
            findings.Add(name.StartsWith("idx:agent:", StringComparison.Ordinal)
                ? new("agent-list-mismatch", name, $"lists conversation {id}, whose assignee is {Or(assignee)}")
                : new("index-stale", name, $"lists conversation {id}, which is {state}"));
        }

        var agents = actual.Select(AgentOf).OfType<string>().Distinct(StringComparer.Ordinal).Order().ToList();
        if (agents.Count > 1)
        {
            findings.Add(new("assigned-twice", "conv:" + id, "in the lists of agents " + string.Join(", ", agents)));
        }

        var activity = fields["lastActivityAt"];
        foreach (var name in actual.Where(expected.Contains).Order(StringComparer.Ordinal))
        {
            var score = StoreSnapshot.Ms(snapshot.SortedSet(name)[id]);
            if (score != activity)
            {
                findings.Add(new("index-score", name,
                    $"scores conversation {id} {score}, its lastActivityAt is {activity}"));
            }
        }
    }

    private static void CheckQueueAndSchedules(
        StoreSnapshot snapshot, string id, Dictionary<string, string> fields, List<string> lists,
        List<StoreFinding> findings)
    {
        var (status, queue) = (fields["status"], fields["queue"]);
        var assigned = (fields.GetValueOrDefault("assigneeId") ?? "").Length > 0;
        var waitingIn = lists.Where(n => n.StartsWith("queue:", StringComparison.Ordinal) && n.EndsWith(":waiting", StringComparison.Ordinal)).ToList();
        var deadlineIn = lists.Where(n => n.StartsWith("queue:", StringComparison.Ordinal) && n.EndsWith(":waiting-sla", StringComparison.Ordinal)).ToList();
        var queues = waitingIn.Select(n => n.Split(':')[1])
            .Concat(lists.Select(QueueOf).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (queues.Count > 1)
        {
            findings.Add(new("queue-twice", "conv:" + id, "waiting in queues " + string.Join(", ", queues)));
        }

        var waits = status == "open" && !assigned;
        var ownWaiting = "queue:" + queue + ":waiting";
        if (waits && !waitingIn.Contains(ownWaiting))
        {
            findings.Add(new("waiting-missing", ownWaiting, $"does not hold conversation {id} (open, unassigned)"));
        }

        foreach (var name in waitingIn.Where(n => !waits || n != ownWaiting))
        {
            findings.Add(new("waiting-stale", name, $"holds conversation {id}, which is {status} in queue {queue}"
                + (assigned ? ", assigned" : "")));
        }

        // Waiting with an SLA deadline: also in the queue's deadline order, by slaDue.
        var ownDeadline = "queue:" + queue + ":waiting-sla";
        var byDeadline = waits && fields.ContainsKey("slaDue");
        if (byDeadline && !deadlineIn.Contains(ownDeadline))
        {
            findings.Add(new("waiting-sla-missing", ownDeadline, $"does not hold conversation {id} (waiting, with a deadline)"));
        }

        foreach (var name in deadlineIn.Where(n => !byDeadline || n != ownDeadline))
        {
            findings.Add(new("waiting-sla-stale", name, $"holds conversation {id}, which is {status} in queue {queue}"
                + (fields.ContainsKey("slaDue") ? "" : " without a deadline")));
        }

        var snoozedUntil = fields.GetValueOrDefault("snoozedUntil");
        if (status == "snoozed" && !lists.Contains("snoozed"))
        {
            findings.Add(new("snooze-missing", "snoozed", $"does not hold snoozed conversation {id}"));
        }
        else if (status == "snoozed" && StoreSnapshot.Ms(snapshot.SortedSet("snoozed")[id]) != snoozedUntil)
        {
            findings.Add(new("snooze-time", "snoozed",
                $"wakes conversation {id} at another time than its snoozedUntil"));
        }
        else if (status != "snoozed" && lists.Contains("snoozed"))
        {
            findings.Add(new("snooze-stale", "snoozed", $"holds conversation {id}, which is {status}"));
        }

        if (lists.Contains("timeouts") && !(status == "open" && assigned))
        {
            findings.Add(new("timeout-stale", "timeouts", $"holds conversation {id}, which is not open and assigned"));
        }
    }

    private static void CheckLinks(StoreSnapshot snapshot, string prefix, string id, Dictionary<string, string> fields,
        List<string> lists, List<StoreFinding> findings)
    {
        var contact = fields["contactId"];
        if (snapshot.Hash("contact:" + contact) is null)
        {
            findings.Add(new("contact-missing", "conv:" + id, $"its contact {contact} has no record"));
        }

        if (!lists.Contains("contact:" + contact + ":conversations"))
        {
            findings.Add(new("contact-link-missing", $"contact:{contact}:conversations",
                $"does not list conversation {id}"));
        }

        var thread = fields["threadKey"];
        var name = thread.StartsWith(prefix, StringComparison.Ordinal) ? thread[prefix.Length..] : thread;
        var target = snapshot.Strings.GetValueOrDefault(name);
        if (target != id)
        {
            findings.Add(new("thread-missing", name, $"points to {Or(target)}, not to its conversation {id}"));
        }
    }

    private static string? AgentOf(string index) =>
        index.Split(':') is ["idx", "agent", var agent, ..] ? agent : null;

    private static string? QueueOf(string index) =>
        index.Split(':') is ["idx", "unassigned", var queue, ..] ? queue : null;

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "none" : value;
}
