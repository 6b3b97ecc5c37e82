namespace Omnichannel.Core.Ports;

/// <summary>Applied (with the changes) or refused: <see cref="ConflictId"/> is the conversation or agent at fault.</summary>
public sealed record MoveOutcome(bool Applied, IReadOnlyList<AssignmentChange> Changes, string? ConflictId, string? Problem);
