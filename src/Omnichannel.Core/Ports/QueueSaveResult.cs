namespace Omnichannel.Core.Ports;

public sealed record QueueSaveResult(QueueSaveStatus Status, string? UnknownMember, IReadOnlyList<AssignmentChange> Changes);
