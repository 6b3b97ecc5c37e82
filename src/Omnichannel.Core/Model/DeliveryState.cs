namespace Omnichannel.Core.Model;

/// <summary>Where an outbound message is on its way to the customer. Inbound messages and private notes have <see cref="None"/>.</summary>
public enum DeliveryState
{
    None,
    Pending,
    Sent,
    Delivered,
    Failed,
}
