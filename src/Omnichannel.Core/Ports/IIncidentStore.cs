using Omnichannel.Core.Incidents;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Incidents and their linked conversations (docs/sla.md, "Incidents"). Every write records itself in the audit log
/// and, for each conversation it concerns, in that conversation's activity, in the same atomic script.
/// </summary>
public interface IIncidentStore
{
    Task CreateAsync(Incident incident, CancellationToken cancellationToken = default);

    /// <summary>Changes the incident's title, description and tracker URL; false when it does not exist.</summary>
    Task<bool> UpdateAsync(
        string incidentId, string title, string description, string? trackerUrl, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Every incident, newest first.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(CancellationToken cancellationToken = default);

    Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links the conversations, all or none: when one of them does not exist nothing is linked and
    /// <see cref="IncidentLinkResult.Missing"/> names them. Linking one that is linked already changes nothing.
    /// </summary>
    Task<IncidentLinkResult> LinkAsync(
        string incidentId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Unlinks one conversation; false when the incident does not exist.</summary>
    Task<bool> UnlinkAsync(string incidentId, string conversationId, string actorId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that reply <paramref name="replyId"/> went to <paramref name="conversationIds"/>; false when it was
    /// recorded already (a retried reply is recorded once).
    /// </summary>
    Task<bool> RecordReplyAsync(
        string incidentId, string replyId, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Marks the incident resolved; false when it was resolved already (or does not exist).</summary>
    Task<bool> ResolveAsync(
        string incidentId, string? note, IReadOnlyList<string> conversationIds, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken = default);
}
