using System.Text.Json;

namespace Omnichannel.Redis.Checking;

/// <summary>
/// Accounts and settings against the sets and indexes written with them (agent_save.lua, queue_save.lua,
/// session_create.lua, shift_save.lua, site_save.lua, token_create.lua): every listed id has its record
/// and every record is listed; the email guard <c>agents:by-email</c> and each agent point at each other; an agent's
/// <c>queues</c> field and the queues' <c>members</c> sets agree (routing reads the sets); a session is in its agent's
/// index (signing out everywhere reads the index, so an unlisted session would survive it).
/// </summary>
internal static class AccountChecks
{
    // Each set lists the ids of one kind of record.
    private static readonly (string Set, string Record)[] Listings =
        [("agents", "agent"), ("queues", "queue"), ("shifts", "shift"), ("sla-policies", "sla-policy"), ("canned-responses", "canned"), ("sites", "site"), ("tokens", "token"),
         ("articles", "article"), ("article-categories", "article-category")];

    public static void Run(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var agents = Accounts(snapshot);
        foreach (var (set, record) in Listings)
        {
            var ids = record == "agent" ? [.. agents.Keys] : RecordIds(snapshot, record);
            CheckListing(snapshot.Set(set), set, record, ids, findings);
        }

        CheckEmailIndex(snapshot, agents, findings);
        CheckMemberships(snapshot, agents, findings);
        CheckSessions(snapshot, findings);
    }

    // An agent account is a hash with an email: the assignment fields alone (availability, rrAt) are not one.
    private static Dictionary<string, Dictionary<string, string>> Accounts(StoreSnapshot snapshot) =>
        snapshot.Records("agent").Where(a => a.Value.ContainsKey("email"))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private static HashSet<string> RecordIds(StoreSnapshot snapshot, string record) =>
    [
        .. snapshot.Records(record).Keys,
        .. snapshot.Strings.Keys.Select(name => name.Split(':')).Where(p => p is [var r, _] && r == record)
            .Select(p => p[1]),
    ];

    private static void CheckListing(HashSet<string> listed, string set, string record, HashSet<string> ids,
        List<StoreFinding> findings)
    {
        foreach (var id in listed.Where(id => !ids.Contains(id)))
        {
            findings.Add(new("listing-orphan", set, $"lists {id}, which has no {record}:{id}"));
        }

        foreach (var id in ids.Where(id => !listed.Contains(id)))
        {
            findings.Add(new("listing-missing", $"{record}:{id}", $"is not in {set}: lists and look-ups miss it"));
        }
    }

    private static void CheckEmailIndex(StoreSnapshot snapshot, Dictionary<string, Dictionary<string, string>> agents,
        List<StoreFinding> findings)
    {
        var index = snapshot.Hash("agents:by-email") ?? [];
        foreach (var (email, id) in index)
        {
            if (!agents.TryGetValue(id, out var agent) || agent["email"] != email)
            {
                findings.Add(new("email-index-orphan", "agents:by-email",
                    $"{email} points to {id}, which is no agent with that email: the email can never sign up"));
            }
        }

        foreach (var (id, agent) in agents)
        {
            if (index.GetValueOrDefault(agent["email"]) != id)
            {
                findings.Add(new("email-index-missing", "agent:" + id,
                    $"agents:by-email does not point {agent["email"]} here: the agent cannot sign in"));
            }
        }
    }

    private static void CheckMemberships(StoreSnapshot snapshot,
        Dictionary<string, Dictionary<string, string>> agents, List<StoreFinding> findings)
    {
        var queuesOf = agents.ToDictionary(a => a.Key, a => Queues(a.Value), StringComparer.Ordinal);
        foreach (var (id, queues) in queuesOf)
        {
            foreach (var queue in queues.Where(q => !snapshot.Set($"queue:{q}:members").Contains(id)))
            {
                findings.Add(new("membership-missing", $"queue:{queue}:members",
                    $"lacks {id}, whose queues list it: routing never gives the agent its work"));
            }
        }

        foreach (var (name, members) in snapshot.Sets)
        {
            if (name.Split(':') is not ["queue", var queue, "members"])
            {
                continue;
            }

            foreach (var id in members.Where(m => !queuesOf.TryGetValue(m, out var queues) || !queues.Contains(queue)))
            {
                findings.Add(new("membership-stale", name,
                    $"holds {id}, whose queues do not list {queue}: routing assigns it work it should not get"));
            }
        }
    }

    private static HashSet<string> Queues(Dictionary<string, string> agent)
    {
        try
        {
            var queues = JsonSerializer.Deserialize(agent.GetValueOrDefault("queues", "[]"),
                StoreJsonContext.Default.StringArray);
            return new(queues ?? [], StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void CheckSessions(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        foreach (var (id, session) in snapshot.Records("session"))
        {
            var agent = session.GetValueOrDefault("agentId");
            if (agent is null || !snapshot.SortedSet($"agent:{agent}:sessions").ContainsKey(id))
            {
                findings.Add(new("session-unlisted", "session:" + id,
                    $"is not in its agent's index agent:{agent}:sessions: signing out everywhere leaves it"));
            }
        }
    }
}
