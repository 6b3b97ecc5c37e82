namespace Omnichannel.Core.Ports;

/// <summary>What linking did: <see cref="Linked"/> the conversations newly linked, each with its event's sequence.</summary>
public sealed record IncidentLinkResult(IncidentLinkStatus Status, IReadOnlyList<string> Missing, IReadOnlyList<(string ConversationId, long Sequence)> Linked);
