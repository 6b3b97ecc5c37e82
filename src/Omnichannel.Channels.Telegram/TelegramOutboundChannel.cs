using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using StoredMessage = Omnichannel.Core.Model.Message;
using TelegramMessage = Telegram.Bot.Types.Message;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Sends agents' replies in Telegram conversations, for the one outbox sender: part by part (each part's Telegram
/// message id is stored as it goes, so a retry does not send a part again). A 429 waits the <c>retry_after</c>
/// Telegram asked for; network errors and 5xx are tried again (2 s doubling to 5 min); a 403 (blocked by the user,
/// kicked from the group) marks the chat unreachable and fails the reply at once, as does any other 4xx. A reply
/// whose chat is not recorded yet waits for it (<see cref="RouteWait"/>).
/// </summary>
public sealed partial class TelegramOutboundChannel(
    ITelegramStateStore state,
    IBlobStore blobs,
    TelegramBots bots,
    IOptions<TelegramChannelOptions> options,
    TimeProvider time,
    ILogger<TelegramOutboundChannel> logger) : IOutboundChannel
{
    /// <summary>How long a reply waits for its conversation's chat route before it fails.</summary>
    internal static readonly TimeSpan RouteWait = TimeSpan.FromMinutes(5);

    public string Channel => ChannelNames.Telegram;

    public bool Enabled => bots.All.Count > 0;

    public OutboundRetry Retry => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), options.Value.MaxSendAttempts);

    public async Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        var (message, conversation) = (reply.Message, reply.Conversation);
        var bot = bots.Find(conversation.Account);
        if (bot is null)
        {
            return DeliveryOutcome.Failed($"No Telegram bot named '{conversation.Account}' is configured on this server.");
        }

        if (await state.GetRouteAsync(conversation.Id, cancellationToken) is not { } route)
        {
            return AwaitRoute(reply);
        }

        try
        {
            await SendPartsAsync(bot, route, message, cancellationToken);
            return DeliveryOutcome.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            LogUnreachable(bot.Name, route.ChatId, ex.Message);
            var contactId = route.ChatType == "private" ? conversation.ContactId : "";
            await state.MarkUnreachableAsync(bot.Name, route.ChatId, contactId, ex.Message, time.GetUtcNow(), cancellationToken);
            return DeliveryOutcome.Failed(ex.Message);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            return DeliveryOutcome.Transient(ex.Message,
                ex.Parameters?.RetryAfter is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            // Bad request, chat not found, file too big: sending it again gives the same answer.
            return DeliveryOutcome.Failed(ex.Message);
        }
        catch (MissingBlobException ex)
        {
            return DeliveryOutcome.Failed(ex.Message);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // 5xx (ApiRequestException is a RequestException) and network failures: Telegram may well take it next time.
            return DeliveryOutcome.Transient(ex.Message);
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
    private DeliveryOutcome AwaitRoute(OutboundReply reply)
    {
        var waited = time.GetUtcNow() - reply.Message.CreatedAt;
        if (waited >= RouteWait)
        {
            return DeliveryOutcome.Failed(
                $"The conversation has no Telegram chat to reply to: none was recorded within {RouteWait.TotalMinutes} "
                + "minutes of the reply (its customer's message was stored without it).");
        }

        var delay = Retry.Delay(reply.Attempt, Random.Shared.NextDouble());
        return DeliveryOutcome.Later("its Telegram chat is not recorded yet", delay < RouteWait - waited ? delay : RouteWait - waited);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: chat {ChatId} refuses the bot ({Description}); marked unreachable")]
    private partial void LogUnreachable(string bot, long chatId, string description);

    private sealed class MissingBlobException(string message) : Exception(message);
}
