using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// One channel's part in sending agents' replies. The one outbox sender (<c>Omnichannel.Server/Outbox</c>) claims a
/// reply from the channel's outbox, loads it, leaves out what is not a customer-facing reply, asks the channel to
/// send it, then records the outcome, schedules the retry or gives up — the same way for every channel. The channel
/// only sends and says what happened (<see cref="DeliveryOutcome"/>): it alone knows which of its peer's answers are
/// final.
/// </summary>
public interface IOutboundChannel
{
    /// <summary>The channel's name (<see cref="ChannelNames"/>), which is also its outbox's.</summary>
    string Channel { get; }

    /// <summary>False when the channel is not configured on this server: no sender runs for it.</summary>
    bool Enabled { get; }

    /// <summary>How retries of a transient failure are spaced, and after how many attempts the reply fails.</summary>
    OutboundRetry Retry { get; }

    /// <summary>Sends <paramref name="reply"/>; an exception counts as a transient failure.</summary>
    Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken);
}
