using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Background;

/// <summary>
/// Brings snoozed conversations back when their time comes. The store's script checks each one is still snoozed
/// and due, so running on every node is harmless: a conversation wakes once.
/// </summary>
internal sealed class SnoozeWaker(IConversationStore store, IPublisher publisher, TimeProvider time, ILogger<SnoozeWaker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var woken = await store.WakeSnoozedAsync(time.GetUtcNow(), stoppingToken);
                foreach (var conversation in woken)
                {
                    await publisher.Publish(new ConversationStatusChanged(
                        conversation.ConversationId, ConversationStatus.Snoozed, ConversationStatus.Open, null, conversation.EventSequence), stoppingToken);
                }

                if (woken.Count > 0)
                {
                    logger.LogInformation("Woke {Count} snoozed conversations", woken.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Waking snoozed conversations failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
