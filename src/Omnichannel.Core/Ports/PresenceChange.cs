namespace Omnichannel.Core.Ports;

/// <summary>Outcome of a presence-side change: whether the agent exists, and the assignments it caused.</summary>
public sealed record PresenceChange(bool Found, IReadOnlyList<AssignmentChange> Changes);
