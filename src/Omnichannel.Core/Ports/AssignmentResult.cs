namespace Omnichannel.Core.Ports;

public sealed record AssignmentResult(string? PreviousAssigneeId, string? AssigneeId, long EventSequence);
