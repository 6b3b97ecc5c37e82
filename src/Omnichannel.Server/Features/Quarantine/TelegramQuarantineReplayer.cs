using System.Text.Json;
using Omnichannel.Channels.Telegram;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot.Types;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>Retries a quarantined Telegram update (polled or from the webhook) through the bot's ingest.</summary>
internal sealed class TelegramQuarantineReplayer(TelegramBots bots, TelegramUpdateIngestor ingestor) : IQuarantineReplayer
{
    public string Channel => ChannelNames.Telegram;

    public async Task ReplayAsync(QuarantineEntry entry, Stream? raw, CancellationToken cancellationToken)
    {
        var bot = bots.Find(entry.Item.Account)
            ?? throw new InvalidOperationException($"Bot \"{entry.Item.Account}\" is not configured any more.");
        if (raw is null)
        {
            throw new InvalidOperationException("The update's bytes were not kept; there is nothing to retry.");
        }

        Update update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(raw, TelegramUpdateJson.Options, cancellationToken)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InboundItemUnreadableException("Not a Telegram update: " + ex.Message, ex);
        }

        if (await ingestor.IngestAsync(bot, update, cancellationToken) == TelegramIngestOutcome.Refused)
        {
            throw new InboundItemUnreadableException("Refused by the inbox's validation (the server log has the field).");
        }
    }
}
