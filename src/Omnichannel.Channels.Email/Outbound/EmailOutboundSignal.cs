using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>Wakes this node's email sender when a reply in an email conversation is stored here, so it leaves at once.</summary>
public sealed class EmailOutboundSignal : INotificationHandler<MessageCreated>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public ValueTask Handle(MessageCreated notification, CancellationToken cancellationToken)
    {
        if (notification is { Direction: MessageDirection.Out, IsPrivate: false, Channel: ChannelNames.Email } && _signal.CurrentCount == 0)
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

    /// <summary>Waits for a wake-up or the timeout (on the injected clock).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
