using System.Collections.Concurrent;
using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Outbox;

/// <summary>
/// Wakes this node's sender for a channel when a reply in one of that channel's conversations is stored here, so it
/// goes out at once instead of at the sender's next poll. One wake-up drains the channel's outbox, so wake-ups that
/// arrive while one is pending fold into it.
/// </summary>
internal sealed class OutboundSignals : INotificationHandler<MessageCreated>
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public ValueTask Handle(MessageCreated notification, CancellationToken cancellationToken)
    {
        if (notification is { Direction: MessageDirection.Out, IsPrivate: false })
        {
            var signal = For(notification.Channel);
            if (signal.CurrentCount == 0)
            {
                try
                {
                    signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another reply already woke the sender.
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for a wake-up of <paramref name="channel"/> or the timeout (on the injected clock); true when woken.</summary>
    public async Task<bool> WaitAsync(string channel, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await For(channel).WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private SemaphoreSlim For(string channel) => _signals.GetOrAdd(channel, _ => new SemaphoreSlim(0, 1));
}
