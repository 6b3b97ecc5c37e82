namespace Omnichannel.Core.Ports;

/// <summary>A claimed outbound message and which attempt this is (1 = first).</summary>
public sealed record OutboundClaim(string MessageId, int Attempt);
