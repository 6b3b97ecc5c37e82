namespace Omnichannel.Core.Incidents;

/// <summary>
/// One outage behind many conversations (docs/sla.md, "Incidents"). <see cref="ConversationIds"/> are the linked
/// conversations in the order they were linked; what each is now is read from the conversation itself.
/// </summary>
public sealed record Incident(
    string Id,
    string Title,
    string Description,
    IncidentStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ResolvedAt,
    string? TrackerUrl,
    IReadOnlyList<string> ConversationIds);
