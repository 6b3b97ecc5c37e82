using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using StoredMessage = Omnichannel.Core.Model.Message;
using TelegramMessage = Telegram.Bot.Types.Message;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Sends agents' replies in Telegram conversations, durably: claimed from <c>outbox:telegram</c>, sent part by part
/// (each part's Telegram message id is stored as it goes, so a retry never sends a part twice), then recorded as sent,
/// or failed with the Bot API's description. A 429 waits the <c>retry_after</c> Telegram asked for; network errors and
/// 5xx back off exponentially; a 403 (blocked by the user, kicked from the group) marks the chat unreachable and fails
/// the reply at once, as does any other 4xx. A reply whose chat is not recorded yet waits for it (RouteWait).
/// </summary>
public sealed partial class TelegramReplySender(
    IOutboundQueue queue,
    IConversationStore store,
    ITelegramStateStore state,
    IBlobStore blobs,
    ISender mediator,
    TelegramBots bots,
    OutboundSignals signal,
    IOptions<TelegramChannelOptions> options,
    TimeProvider time,
    ILogger<TelegramReplySender> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a reply waits for its conversation's chat route before it fails.</summary>
    internal static readonly TimeSpan RouteWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (bots.All.Count == 0)
        {
            return;
        }

        // Not before the host has started: the store may be the embedded one, started by an earlier hosted service.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var recovered = await queue.RecoverInFlightAsync(ChannelNames.Telegram, stoppingToken);
                if (recovered > 0)
                {
                    LogRecovered(recovered);
                }

                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderError(ex, PollInterval);
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await queue.ClaimAsync(ChannelNames.Telegram, time.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await DeliverAsync(claim, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderError(ex, PollInterval);
            }

            await signal.WaitAsync(ChannelNames.Telegram, PollInterval, time, stoppingToken);
        }
    }

    private async Task DeliverAsync(OutboundClaim claim, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(claim.MessageId, cancellationToken);
        var conversation = message is null ? null : await store.GetConversationAsync(message.ConversationId, cancellationToken);
        if (message is null || conversation is null || message.IsPrivate || message.Direction != MessageDirection.Out)
        {
            // Never send what is not a customer-facing reply (a note, an echo of the customer's own message).
            await queue.CompleteAsync(ChannelNames.Telegram, claim.MessageId, cancellationToken);
            return;
        }

        var route = await state.GetRouteAsync(conversation.Id, cancellationToken);
        var bot = bots.Find(conversation.Account);
        if (bot is null)
        {
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed,
                $"No Telegram bot named '{conversation.Account}' is configured on this server.", cancellationToken);
            return;
        }

        if (route is null)
        {
            await AwaitRouteAsync(claim, message, cancellationToken);
            return;
        }

        try
        {
            await SendPartsAsync(bot, route, message, cancellationToken);
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Sent, null, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            LogUnreachable(bot.Name, route.ChatId, ex.Message);
            var contactId = route.ChatType == "private" ? conversation.ContactId : "";
            await state.MarkUnreachableAsync(bot.Name, route.ChatId, contactId, ex.Message, time.GetUtcNow(), cancellationToken);
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, ex.Message, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var retryAfter = ex.Parameters?.RetryAfter is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : Backoff(claim.Attempt);
            await RetryOrFailAsync(claim, conversation.Id, ex.Message, retryAfter, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            // Bad request, chat not found, file too big: sending it again gives the same answer.
            LogRefused(message.Id, ex.ErrorCode, ex.Message);
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, ex.Message, cancellationToken);
        }
        catch (MissingBlobException ex)
        {
            await FinishAsync(conversation.Id, message.Id, DeliveryState.Failed, ex.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // 5xx (ApiRequestException is a RequestException) and network failures: Telegram may well take it next time.
            await RetryOrFailAsync(claim, conversation.Id, ex.Message, Backoff(claim.Attempt), cancellationToken);
        }
    }

    private async Task SendPartsAsync(TelegramBot bot, TelegramChatRoute route, StoredMessage message, CancellationToken cancellationToken)
    {
        var parts = TelegramReplyPlan.For(message.Text, message.Attachments);
        var sent = await state.GetSentPartsAsync(message.Id, cancellationToken);
        for (var i = 0; i < parts.Count; i++)
        {
            if (sent.ContainsKey(i))
            {
                continue;
            }

            // In a group, the first part quotes the customer's latest message so its sender sees whom the answer is for.
            ReplyParameters? replyTo = i == 0 && route.ChatType != "private" && route.LastMessageId > 0
                ? new ReplyParameters { MessageId = (int)route.LastMessageId, AllowSendingWithoutReply = true }
                : null;
            var sentMessage = await SendPartAsync(bot.Client, route, parts[i], replyTo, cancellationToken);
            await state.RecordSentPartAsync(message.Id, i, route.ChatId, sentMessage.Id, cancellationToken);
        }
    }

    private async Task<TelegramMessage> SendPartAsync(
        ITelegramBotClient client, TelegramChatRoute route, TelegramReplyPart part, ReplyParameters? replyTo, CancellationToken cancellationToken)
    {
        if (part.File is not { } file)
        {
            return await client.SendMessage(route.ChatId, part.Text!, replyParameters: replyTo, messageThreadId: route.MessageThreadId,
                cancellationToken: cancellationToken);
        }

        await using var content = await blobs.OpenReadAsync(file.BlobKey, cancellationToken)
            ?? throw new MissingBlobException($"The attachment '{file.FileName}' is no longer in the blob store.");
        var upload = InputFile.FromStream(content, file.FileName);
        return part.AsPhoto
            ? await client.SendPhoto(route.ChatId, upload, caption: part.Text, replyParameters: replyTo,
                messageThreadId: route.MessageThreadId, cancellationToken: cancellationToken)
            : await client.SendDocument(route.ChatId, upload, caption: part.Text, replyParameters: replyTo,
                messageThreadId: route.MessageThreadId, cancellationToken: cancellationToken);
    }

    // The chat's reply route is recorded right after its message is stored, in a second write (ingest is the
    // channel-neutral operation). A crash between the two leaves the message without its route until the update,
    // not yet acknowledged to Telegram, comes again and the ingestor records it; a reply sent in between waits for
    // it, for RouteWait after the reply was written, then fails saying why.
    private async Task AwaitRouteAsync(OutboundClaim claim, StoredMessage message, CancellationToken cancellationToken)
    {
        var waited = time.GetUtcNow() - message.CreatedAt;
        if (waited >= RouteWait)
        {
            LogNoRoute(message.Id, RouteWait);
            await FinishAsync(message.ConversationId, message.Id, DeliveryState.Failed,
                $"The conversation has no Telegram chat to reply to: none was recorded within {RouteWait.TotalMinutes} "
                + "minutes of the reply (its customer's message was stored without it).", cancellationToken);
            return;
        }

        var delay = Backoff(claim.Attempt);
        delay = delay < RouteWait - waited ? delay : RouteWait - waited;
        LogRouteMissing(message.Id, delay);
        await queue.RetryLaterAsync(ChannelNames.Telegram, message.Id, time.GetUtcNow() + delay, cancellationToken);
    }

    private async Task RetryOrFailAsync(OutboundClaim claim, string conversationId, string error, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (claim.Attempt >= options.Value.MaxSendAttempts)
        {
            LogGaveUp(claim.MessageId, claim.Attempt, error);
            await FinishAsync(conversationId, claim.MessageId, DeliveryState.Failed, error, cancellationToken);
            return;
        }

        LogRetry(claim.MessageId, claim.Attempt, error, delay);
        await queue.RetryLaterAsync(ChannelNames.Telegram, claim.MessageId, time.GetUtcNow() + delay, cancellationToken);
    }

    private async Task FinishAsync(string conversationId, string messageId, DeliveryState outcome, string? error, CancellationToken cancellationToken)
    {
        await mediator.Send(new RecordDelivery(conversationId, messageId, outcome, error), cancellationToken);
        await queue.CompleteAsync(ChannelNames.Telegram, messageId, cancellationToken);
    }

    /// <summary>2 s, 4 s, 8 s … capped at 5 minutes, with up to 20% jitter so retries of many replies spread out.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(300, 2 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} Telegram replies a previous sender had claimed")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram reply sender failed; trying again in {Interval}")]
    private partial void LogSenderError(Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: chat {ChatId} refuses the bot ({Description}); marked unreachable")]
    private partial void LogUnreachable(string bot, long chatId, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused reply {MessageId} ({ErrorCode}: {Description})")]
    private partial void LogRefused(string messageId, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending reply {MessageId} to Telegram failed (attempt {Attempt}): {Error}; retrying in {Delay}")]
    private partial void LogRetry(string messageId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending reply {MessageId} to Telegram after {Attempt} attempts: {Error}")]
    private partial void LogGaveUp(string messageId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId}: its Telegram chat is not recorded yet; trying again in {Delay}")]
    private partial void LogRouteMissing(string messageId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply {MessageId}: no Telegram chat recorded within {Wait}; failed")]
    private partial void LogNoRoute(string messageId, TimeSpan wait);

    private sealed class MissingBlobException(string message) : Exception(message);
}
