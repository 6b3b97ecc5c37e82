using Omnichannel.Core.Access;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// Builds what the caller reads of an incident: each linked conversation as it is now, and only those the access rule
/// lets the caller see (counts included, so a list tells nothing of conversations the caller may not see).
/// </summary>
public sealed class IncidentViews(IConversationStore conversations)
{
    public async Task<IReadOnlyList<Conversation>> VisibleConversationsAsync(Incident incident, Principal? principal, CancellationToken ct)
    {
        var read = await Task.WhenAll(incident.ConversationIds.Where(Ids.IsWellFormed).Select(id => conversations.GetConversationAsync(id, ct)));
        return [.. read.OfType<Conversation>().Where(c => AccessRule.CanSeeConversation(principal, c))];
    }

    public async Task<IncidentSummaryDto> SummaryAsync(Incident incident, Principal? principal, CancellationToken ct) =>
        Summary(incident, await VisibleConversationsAsync(incident, principal, ct));

    public async Task<IncidentDto> DetailAsync(Incident incident, Principal? principal, CancellationToken ct)
    {
        var visible = await VisibleConversationsAsync(incident, principal, ct);
        var contacts = await Task.WhenAll(visible.Select(c => conversations.GetContactAsync(c.ContactId, ct)));
        var items = visible.Select((c, i) => new IncidentConversationDto(
            c.Id, c.Status, c.Channel, contacts[i]?.Name, c.Subject, c.Queue, c.AssigneeId, c.LastActivityAt)).ToList();
        return new IncidentDto(incident.Id, incident.Title, incident.Description, incident.Status, incident.CreatedAt,
            incident.CreatedBy, incident.ResolvedAt, incident.TrackerUrl, items);
    }

    public static IncidentSummaryDto Summary(Incident incident, IReadOnlyList<Conversation> visible) =>
        new(incident.Id, incident.Title, incident.Status, incident.CreatedAt, incident.CreatedBy, incident.ResolvedAt,
            incident.TrackerUrl, visible.Count, visible.Count(c => c.Status != ConversationStatus.Resolved));
}
