namespace Omnichannel.Core.Ports;

/// <summary>Sent, failed for good, worth another try, or not sendable yet (<see cref="DeliveryOutcome"/>).</summary>
public enum DeliveryOutcomeKind
{
    Sent,
    Failed,
    Transient,
    Later,
}
