namespace Omnichannel.Core.Ports;

/// <summary>One audit entry; <see cref="Json"/> is the whole entry as stored (type, actorId, reason, from, to, ...).</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Type, string Json);
