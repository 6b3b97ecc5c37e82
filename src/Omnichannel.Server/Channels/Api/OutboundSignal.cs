using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Channels.Api;

/// <summary>Wakes this node's sender when a reply is stored here, so it goes out at once instead of at the next poll.</summary>
public sealed class OutboundSignal : INotificationHandler<MessageCreated>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public ValueTask Handle(MessageCreated notification, CancellationToken cancellationToken)
    {
        if (notification is { Direction: MessageDirection.Out, IsPrivate: false } && _signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another reply already woke the sender; one wake-up drains the queue.
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for a wake-up or the timeout (on the injected clock); true when woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
