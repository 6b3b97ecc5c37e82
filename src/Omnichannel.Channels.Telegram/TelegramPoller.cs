using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Long polling for every bot in <see cref="TelegramBotMode.Polling"/>: <c>getUpdates</c> from the offset stored in the
/// store, each update ingested in order, and the offset moved past an update only once the store has acknowledged it
/// (so a store outage loses nothing: Telegram keeps unconfirmed updates and hands them out again). One node per bot
/// polls, under a lease it renews before every call; the others wait and take over when the lease runs out. An update
/// that keeps failing (or crashes the server) is quarantined after a few tries and the offset moves past it.
/// </summary>
public sealed partial class TelegramPoller(
    TelegramBots bots,
    TelegramUpdateIngestor ingestor,
    InboundQuarantine quarantine,
    ITelegramStateStore state,
    IOptions<TelegramChannelOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    /// <summary>What the bots ask Telegram for; everything else is left with Telegram (and skipped should it come anyway).</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage];

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private TimeSpan LeaseLifetime => TimeSpan.FromSeconds(options.Value.PollerLeaseSeconds);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(bots.All.Where(b => b.Options.Mode == TelegramBotMode.Polling).Select(b => PollAsync(b, stoppingToken)));

    private async Task PollAsync(TelegramBot bot, CancellationToken stoppingToken)
    {
        // Let the host finish starting (the embedded store starts in an earlier hosted service).
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        var webhookCleared = false;
        var holding = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var held = await state.TryHoldPollerLeaseAsync(bot.Name, _node, LeaseLifetime, stoppingToken);
                    if (held != holding)
                    {
                        LogLease(bot.Name, held ? "took" : "is waiting for", _node);
                        holding = held;
                    }

                    if (!held)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                        continue;
                    }

                    if (!webhookCleared)
                    {
                        // getUpdates answers 409 while a webhook is set; keep pending updates, we want them.
                        await bot.Client.DeleteWebhook(dropPendingUpdates: false, stoppingToken);
                        webhookCleared = true;
                    }

                    await PollOnceAsync(bot, stoppingToken);
                    backoff = TimeSpan.FromSeconds(1);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    var wait = backoff;
                    if (ex is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: > 0 and var retryAfter })
                    {
                        wait = TimeSpan.FromSeconds(retryAfter);
                    }
                    else if (ex is ApiRequestException { ErrorCode: 401 or 404 })
                    {
                        // A revoked or mistyped token does not heal in a second.
                        wait = MaxBackoff;
                    }
                    else if (ex is ApiRequestException { ErrorCode: 409 })
                    {
                        // A webhook set behind our back (or another poller outside this cluster).
                        webhookCleared = false;
                    }

                    LogPollFailed(ex, bot.Name, wait);
                    backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                    await Task.Delay(wait, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (holding)
            {
                // Let another node take over now rather than when the lease runs out.
                try
                {
                    await state.ReleasePollerLeaseAsync(bot.Name, _node, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    LogReleaseFailed(ex, bot.Name);
                }
            }
        }
    }

    private async Task PollOnceAsync(TelegramBot bot, CancellationToken cancellationToken)
    {
        var offset = await state.GetOffsetAsync(bot.Name, cancellationToken);
        var updates = await bot.Updates.GetAsync(offset, limit: 100, options.Value.PollTimeoutSeconds, AllowedUpdates,
            cancellationToken);
        var acknowledged = offset;
        try
        {
            foreach (var raw in updates)
            {
                if (raw.Id < offset)
                {
                    // Already acknowledged (a late answer from before a takeover): Telegram confirms it with our offset.
                    continue;
                }

                // Read here, inside the try: an update the library cannot read is unreadable for good and quarantined
                // at once with the bytes Telegram sent, instead of failing the whole batch forever.
                var item = new InboundItemRef(ChannelNames.Telegram, bot.Name, raw.ItemId);
                if (!await quarantine.RunAsync(item, c => ingestor.IngestOrRefuseAsync(bot, raw.Parse(), c), raw.ToRawItem,
                    cancellationToken))
                {
                    LogQuarantined(bot.Name, item.ItemId);
                }

                // Stored or set aside: either way the bot goes on with the next update. Without a readable id, the
                // element's own id is at least the next one expected (Telegram hands updates out in id order), so
                // confirming one more is safe, and a later element moves the offset past it in any case.
                acknowledged = raw.Id is { } id ? Math.Max(acknowledged, id + 1L) : acknowledged + 1L;
            }
        }
        finally
        {
            // Everything before a failed update is stored: move past it, so only the failed one and those after it come again.
            if (acknowledged > offset)
            {
                await state.AdvanceOffsetAsync(bot.Name, acknowledged, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: update {Item} is quarantined; the bot goes on with the next")]
    private partial void LogQuarantined(string bot, string item);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot}: node {Node} {Action} the poller lease", SkipEnabledCheck = true)]
    private partial void LogLease(string bot, string action, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: polling failed; trying again in {Wait}")]
    private partial void LogPollFailed(Exception exception, string bot, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: could not release the poller lease")]
    private partial void LogReleaseFailed(Exception exception, string bot);
}
