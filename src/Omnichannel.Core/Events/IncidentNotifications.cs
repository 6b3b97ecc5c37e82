using Mediator;

namespace Omnichannel.Core.Events;

// Published by the incident use cases after their write (docs/sla.md, "Incidents").

/// <summary>An incident was created, changed its links, replied or resolved: open incident views refetch it.</summary>
public sealed record IncidentUpdated(string IncidentId, string ActorId) : INotification;

/// <summary>A conversation was linked to an incident (its event <paramref name="Sequence"/> is in the workspace log).</summary>
public sealed record ConversationIncidentLinked(string ConversationId, string IncidentId, string ActorId, long Sequence) : INotification;
