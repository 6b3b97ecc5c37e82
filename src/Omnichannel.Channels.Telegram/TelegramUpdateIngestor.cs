using Mediator;
using Microsoft.Extensions.Logging;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// One update, from the poller or the webhook, into the store: map it, fetch its files, ingest it (exactly once per
/// <c>{chat}:{message}</c>, edits once per edit), then record the chat for replies. Returns only once the store has
/// acknowledged the message; throws when it has not, so the caller keeps the update (offset not advanced, webhook 5xx).
/// </summary>
public sealed partial class TelegramUpdateIngestor(
    ISender mediator,
    ITelegramStateStore state,
    TelegramMediaDownloader media,
    TimeProvider time,
    ILogger<TelegramUpdateIngestor> logger)
{
    public const string EditedPrefix = "(edited) ";

    /// <summary>
    /// Ingests the update for the quarantine (poller, webhook, an admin's retry): one the inbox refuses
    /// (<see cref="TelegramIngestOutcome.Refused"/>, logged with its reason here) would be refused on every retry, so
    /// it throws <see cref="InboundItemUnreadableException"/> and is set aside at once.
    /// </summary>
    public async Task IngestOrRefuseAsync(TelegramBot bot, Update update, CancellationToken cancellationToken)
    {
        if (await IngestAsync(bot, update, cancellationToken) == TelegramIngestOutcome.Refused)
        {
            throw new InboundItemUnreadableException("Refused by the inbox's validation (the server log has the field).");
        }
    }

    public async Task<TelegramIngestOutcome> IngestAsync(TelegramBot bot, Update update, CancellationToken cancellationToken)
    {
        var mapped = TelegramUpdateMapper.Map(update, bot.Name, bot.Options.Queue);
        if (mapped is TelegramSkippedUpdate skipped)
        {
            if (skipped.Reason == TelegramSkipReason.UnknownUpdateType)
            {
                LogUnknown(bot.Name, update.Id, skipped.Detail);
            }
            else
            {
                LogSkipped(bot.Name, update.Id, skipped.Reason, skipped.Detail);
            }

            return TelegramIngestOutcome.Skipped;
        }

        var (_, message, metadata) = (TelegramMappedMessage)mapped;
        if (metadata.Media.Count > 0)
        {
            var files = await media.DownloadAsync(bot.Client, metadata.Media, cancellationToken);
            var text = files.Notes.Count == 0 ? message.Text : string.Join("\n", [message.Text, .. files.Notes]);
            message = message with { Attachments = files.Attachments, Text = text };
        }

        if (metadata.IsEdit)
        {
            // The inbox shows messages as they came; an edit is a new line that says so.
            message = message with { Text = EditedPrefix + message.Text };
        }

        IngestResult result;
        try
        {
            result = await mediator.Send(new IngestMessage(message), cancellationToken);
        }
        catch (RequestValidationException ex)
        {
            // It would be refused again on every retry: keeping it would stop the bot's queue for good.
            LogRefused(bot.Name, update.Id, ex.Message);
            return TelegramIngestOutcome.Refused;
        }

        await state.RecordInboundAsync(
            new TelegramInbound(bot.Name, result.ConversationId, result.ContactId, metadata.ChatId,
                metadata.ChatType.ToString().ToLowerInvariant(), metadata.MessageId, metadata.MessageThreadId, metadata.Username,
                metadata.StartPayload),
            time.GetUtcNow(), cancellationToken);
        return result.Duplicate ? TelegramIngestOutcome.Duplicate : TelegramIngestOutcome.Stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: skipped update {UpdateId} of a type this version does not know ({Detail})")]
    private partial void LogUnknown(string bot, int updateId, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot {Bot}: skipped update {UpdateId}: {Reason} ({Detail})")]
    private partial void LogSkipped(string bot, int updateId, TelegramSkipReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot {Bot}: update {UpdateId} was refused by the inbox and is dropped: {Error}")]
    private partial void LogRefused(string bot, int updateId, string error);
}
