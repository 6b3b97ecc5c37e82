namespace Omnichannel.Core.Ports;

/// <summary>An entry of the workspace event log, which clients resume from by sequence.</summary>
public sealed record StoreEvent(long Sequence, string Type, string ConversationId, string? MessageId, DateTimeOffset At, string? ActorId);
