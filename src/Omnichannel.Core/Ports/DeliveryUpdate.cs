using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary><see cref="Changed"/> is false when the state was already final or equal; <see cref="Deliverable"/> is false for inbound messages and notes.</summary>
public sealed record DeliveryUpdate(DeliveryState Previous, bool Deliverable, bool Changed, long EventSequence);
