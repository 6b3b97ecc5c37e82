namespace Omnichannel.Redis.Checking;

/// <summary>
/// Incidents against their listing and links (incident_create.lua, incident_link.lua): every incident is in
/// <c>incidents</c> and every listed id has its incident; every linked conversation exists (conversations are never
/// deleted, so a link to none is a write that went wrong).
/// </summary>
internal static class IncidentChecks
{
    public static void Run(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var incidents = snapshot.Records("incident");
        var listed = snapshot.SortedSet("incidents");
        foreach (var id in listed.Keys.Where(id => !incidents.ContainsKey(id)))
        {
            findings.Add(new("listing-orphan", "incidents", $"lists {id}, which has no incident:{id}"));
        }

        foreach (var id in incidents.Keys.Where(id => !listed.ContainsKey(id)))
        {
            findings.Add(new("listing-missing", $"incident:{id}", "is not in incidents: the list misses it"));
        }

        var conversations = snapshot.Conversations();
        foreach (var (name, members) in snapshot.SortedSets.Where(s => s.Key.StartsWith("incident:", StringComparison.Ordinal)))
        {
            foreach (var conversationId in members.Keys.Where(id => !conversations.ContainsKey(id)))
            {
                findings.Add(new("incident-link-orphan", name, $"links {conversationId}, which has no conv:{conversationId}"));
            }
        }
    }
}
