using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>
/// Sends agents' replies in email conversations over SMTP. The reply is stored (pending) before this sees it; this claims
/// it, sends it, and records sent or failed (with the server's words). Transient failures are retried with backoff.
/// A reply claimed by a sender that died is claimed again after restart and, if the SMTP server already took it (the
/// <c>sent</c> mark), only recorded, not sent twice. Private notes and anything not an agent's reply never go out.
/// </summary>
internal sealed partial class EmailReplySender(
    IOutboundQueue queue,
    IConversationStore store,
    IMailboxStateStore state,
    ISender mediator,
    OutboundSignals signal,
    IOptions<EmailChannelOptions> options,
    TimeProvider time,
    ILogger<EmailReplySender> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mailboxes.Count == 0)
        {
            return;
        }

        try
        {
            var recovered = await queue.RecoverInFlightAsync(ChannelNames.Email, stoppingToken);
            if (recovered > 0)
            {
                LogRecovered(recovered);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSenderFailed(ex, PollInterval);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await queue.ClaimAsync(ChannelNames.Email, time.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await DeliverAsync(claim, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderFailed(ex, PollInterval);
            }

            try
            {
                await signal.WaitAsync(ChannelNames.Email, PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task DeliverAsync(OutboundClaim claim, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(claim.MessageId, cancellationToken);
        var conversation = message is null ? null : await store.GetConversationAsync(message.ConversationId, cancellationToken);
        if (message is null || conversation is null || message.IsPrivate || message.Direction != MessageDirection.Out)
        {
            await queue.CompleteAsync(ChannelNames.Email, claim.MessageId, cancellationToken);
            return;
        }

        var mailbox = options.Value.Mailboxes.FirstOrDefault(m => m.Name == conversation.Account);
        if (mailbox is null)
        {
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, $"The mailbox \"{conversation.Account}\" is not configured on this server.", cancellationToken);
            return;
        }

        if (await state.WasSentAsync(mailbox.Name, message.Id, cancellationToken))
        {
            // The SMTP server took it before a crash; only the record was missing.
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Sent, null, cancellationToken);
            return;
        }

        var contact = await store.GetContactAsync(conversation.ContactId, cancellationToken);
        if (contact?.Email is not { Length: > 0 } to)
        {
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, "The contact has no email address to reply to.", cancellationToken);
            return;
        }

        var mime = await BuildAsync(mailbox, conversation, message, to, contact.Name, cancellationToken);
        var error = await SmtpDelivery.SendAsync(mailbox, mime, cancellationToken);
        if (error is null)
        {
            await state.MarkSentAsync(mailbox.Name, message.Id, cancellationToken);
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Sent, null, cancellationToken);
            return;
        }

        if (error.Permanent || claim.Attempt >= options.Value.MaxSendAttempts)
        {
            LogGaveUp(message.Id, claim.Attempt, error.Reason);
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, error.Reason, cancellationToken);
            return;
        }

        var delay = Backoff(claim.Attempt);
        LogRetry(message.Id, claim.Attempt, error.Reason, delay);
        await queue.RetryLaterAsync(ChannelNames.Email, message.Id, time.GetUtcNow() + delay, cancellationToken);
    }

    private async Task<MimeMessage> BuildAsync(EmailMailboxOptions mailbox, Conversation conversation, Message message, string to, string? toName, CancellationToken cancellationToken)
    {
        var ourId = OurMessageIds.For(conversation.Id, message.Id, mailbox.FromAddress);
        var thread = await state.GetConversationThreadAsync(mailbox.Name, conversation.Id, cancellationToken);
        var references = new List<string>();
        if (thread is not null)
        {
            if (!thread.StartsWith(Inbound.EmailExternalId.HashPrefix, StringComparison.Ordinal))
            {
                references.Add(thread);
            }

            references.AddRange(await state.GetThreadMessageIdsAsync(mailbox.Name, thread, cancellationToken));
            references = [.. references.Where(id => id != ourId).Distinct(StringComparer.Ordinal)];
            // Recorded before sending: the customer's answer may arrive before we hear back from the SMTP server.
            await state.RecordOutgoingAsync(mailbox.Name, thread, ourId, cancellationToken);
        }

        var context = new EmailReplyContext(ourId, to, toName, message.AuthorName, conversation.Subject,
            await LatestCustomerMessageIdAsync(conversation.Id, cancellationToken) ?? references.LastOrDefault(), references, time.GetUtcNow());
        return EmailReplyBuilder.Build(mailbox, context, message.Text);
    }

    /// <summary>The Message-ID of the customer's latest mail: what their client expects a reply to answer.</summary>
    private async Task<string?> LatestCustomerMessageIdAsync(string conversationId, CancellationToken cancellationToken)
    {
        var page = await store.ListMessagesAsync(conversationId, null, 50, cancellationToken);
        return page.Items
            .Where(m => m.Direction == MessageDirection.In && m.ExternalId is { } id && !id.StartsWith(Inbound.EmailExternalId.HashPrefix, StringComparison.Ordinal))
            .Select(m => m.ExternalId)
            .FirstOrDefault();
    }

    private async Task FinishAsync(string conversationId, string messageId, DeliveryState delivery, string? error, CancellationToken cancellationToken)
    {
        await mediator.Send(new RecordDelivery(conversationId, messageId, delivery, error), cancellationToken);
        await queue.CompleteAsync(ChannelNames.Email, messageId, cancellationToken);
    }

    /// <summary>5 s, 10 s, 20 s … capped at 10 minutes, with up to 20% jitter.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(600, 5 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} email replies a previous sender had claimed")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email sender failed; retrying in {Interval}")]
    private partial void LogSenderFailed(Exception ex, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email reply {MessageId} not sent (attempt {Attempt}): {Error}; retrying in {Delay}")]
    private partial void LogRetry(string messageId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email reply {MessageId} failed after {Attempt} attempts: {Error}")]
    private partial void LogGaveUp(string messageId, int attempt, string error);
}
