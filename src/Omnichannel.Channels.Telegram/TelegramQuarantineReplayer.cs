using System.Text.Json;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

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
            update = await TelegramUpdateJson.ParseAsync(raw, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InboundItemUnreadableException("Not a Telegram update: " + ex.Message, ex);
        }

        await ingestor.IngestOrRefuseAsync(bot, update, cancellationToken);
    }
}
