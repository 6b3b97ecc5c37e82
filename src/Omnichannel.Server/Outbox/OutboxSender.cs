using Mediator;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Pipeline;
using Polly;
using Polly.Timeout;

namespace Omnichannel.Server.Outbox;

/// <summary>
/// Sends one channel's replies, the same way for every channel: puts back what a sender that died had claimed,
/// then claims replies from the channel's outbox one at a time (woken by <see cref="OutboundSignals"/> when one is
/// stored here, polling otherwise), leaves out what is not a customer-facing reply, lets the channel send it within
/// the resilience pipeline's attempt timeout, and records the outcome: sent or failed for good at once, a transient
/// failure retried on the channel's schedule until its last attempt, a reply not sendable yet tried again later.
/// </summary>
internal sealed partial class OutboxSender(
    IOutboundChannel channel,
    IOutboundQueue queue,
    IConversationStore store,
    ISender mediator,
    OutboundSignals signal,
    ResiliencePipeline pipeline,
    TimeProvider time,
    InboxMetrics metrics,
    ILogger logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await queue.ClaimAsync(channel.Channel, time.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await DeliverAsync(claim, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderFailed(ex, channel.Channel, PollInterval);
            }

            try
            {
                await signal.WaitAsync(channel.Channel, PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    // Until the store answers: a reply left in flight by a dead sender would otherwise wait for the next restart.
    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var recovered = await queue.RecoverInFlightAsync(channel.Channel, stoppingToken);
                if (recovered > 0)
                {
                    LogRecovered(recovered, channel.Channel);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderFailed(ex, channel.Channel, PollInterval);
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(OutboundClaim claim, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(claim.MessageId, cancellationToken);
        var conversation = message is null ? null : await store.GetConversationAsync(message.ConversationId, cancellationToken);
        if (message is null || conversation is null || message.IsPrivate || message.Direction != MessageDirection.Out)
        {
            // Never send what is not a customer-facing reply (a note, an echo of the customer's own message).
            await queue.CompleteAsync(channel.Channel, claim.MessageId, cancellationToken);
            return;
        }

        var outcome = await SendAsync(new OutboundReply(message, conversation, claim.Attempt), cancellationToken);
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Sent:
                await FinishAsync(message, DeliveryState.Sent, null, cancellationToken);
                break;
            case DeliveryOutcomeKind.Failed:
                LogRefused(channel.Channel, message.Id, outcome.Reason ?? "");
                metrics.RecordSendFailure(channel.Channel, final: true);
                await FinishAsync(message, DeliveryState.Failed, outcome.Reason, cancellationToken);
                break;
            case DeliveryOutcomeKind.Later:
                LogLater(channel.Channel, message.Id, outcome.Reason ?? "", outcome.Wait ?? PollInterval);
                await queue.RetryLaterAsync(channel.Channel, message.Id, time.GetUtcNow() + (outcome.Wait ?? PollInterval), cancellationToken);
                break;
            default:
                await RetryOrFailAsync(claim, message, outcome, cancellationToken);
                break;
        }
    }

    private async Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.channel.SendAsync(state.reply, token), (channel, reply), cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            return DeliveryOutcome.Transient($"Sending took longer than {ex.Timeout.TotalSeconds:0} s and was stopped.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendThrew(ex, channel.Channel, reply.Message.Id);
            return DeliveryOutcome.Transient(ex.Message);
        }
    }

    private async Task RetryOrFailAsync(OutboundClaim claim, Message message, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var reason = outcome.Reason ?? "";
        var final = claim.Attempt >= channel.Retry.MaxAttempts;
        metrics.RecordSendFailure(channel.Channel, final);
        if (final)
        {
            LogGaveUp(channel.Channel, message.Id, claim.Attempt, reason);
            await FinishAsync(message, DeliveryState.Failed, reason, cancellationToken);
            return;
        }

        var delay = outcome.Wait ?? channel.Retry.Delay(claim.Attempt, Random.Shared.NextDouble());
        LogRetry(channel.Channel, message.Id, claim.Attempt, reason, delay);
        await queue.RetryLaterAsync(channel.Channel, message.Id, time.GetUtcNow() + delay, cancellationToken);
    }

    private async Task FinishAsync(Message message, DeliveryState state, string? error, CancellationToken cancellationToken)
    {
        await mediator.Send(new RecordDelivery(message.ConversationId, message.Id, state, error), cancellationToken);
        await queue.CompleteAsync(channel.Channel, message.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} {Channel} replies a previous sender had claimed")]
    private partial void LogRecovered(int count, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} sender failed; trying again in {Interval}")]
    private partial void LogSenderFailed(Exception exception, string channel, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Channel} reply {MessageId} threw")]
    private partial void LogSendThrew(Exception exception, string channel, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} reply {MessageId} refused for good: {Error}")]
    private partial void LogRefused(string channel, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} reply {MessageId} not sendable yet ({Reason}); trying again in {Delay}")]
    private partial void LogLater(string channel, string messageId, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} reply {MessageId} not sent (attempt {Attempt}): {Error}; retrying in {Delay}")]
    private partial void LogRetry(string channel, string messageId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} reply {MessageId} failed after {Attempt} attempts: {Error}")]
    private partial void LogGaveUp(string channel, string messageId, int attempt, string error);
}
