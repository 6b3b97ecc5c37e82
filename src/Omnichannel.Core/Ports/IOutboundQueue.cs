using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Outbound messages waiting for their channel's sender. Replies enter the queue in the same script that stores
/// them; a sender claims one, sends it, then completes it or schedules a retry. At-least-once: a sender that
/// dies mid-send leaves the message in flight, and <see cref="RecoverInFlightAsync"/> returns it to the queue.
/// </summary>
public interface IOutboundQueue
{
    Task<OutboundClaim?> ClaimAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task CompleteAsync(string channel, string messageId, CancellationToken cancellationToken = default);

    Task RetryLaterAsync(string channel, string messageId, DateTimeOffset due, CancellationToken cancellationToken = default);

    /// <summary>Puts messages a stopped sender had claimed back in the queue; returns how many.</summary>
    Task<int> RecoverInFlightAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>Records a message's delivery state. Null when the message does not exist.</summary>
    Task<DeliveryUpdate?> SetDeliveryAsync(string messageId, DeliveryState state, string? error, DateTimeOffset now, CancellationToken cancellationToken = default);
}
