namespace Omnichannel.Core.Ports;

/// <summary>The tries made at an item so far (this one included) and why the last one failed.</summary>
public sealed record InboundAttempt(int Count, string? LastError);
