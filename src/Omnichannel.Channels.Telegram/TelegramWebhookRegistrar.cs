using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// At start, tells Telegram where each <see cref="TelegramBotMode.Webhook"/> bot's updates go (<c>setWebhook</c> with the
/// URL, the secret token and the update types we take), retrying with backoff until Telegram accepts. Every node does
/// it; the call is idempotent. Polling bots clear their webhook in <see cref="TelegramPoller"/>.
/// </summary>
public sealed partial class TelegramWebhookRegistrar(TelegramBots bots, TimeProvider time, ILogger<TelegramWebhookRegistrar> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(bots.All.Where(b => b.Options.Mode == TelegramBotMode.Webhook).Select(b => RegisterAsync(b, stoppingToken)));

    private async Task RegisterAsync(TelegramBot bot, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Pending updates are kept: Telegram delivers them to the webhook once it is set.
                await bot.Client.SetWebhook(bot.Options.WebhookUrl!.Trim(), allowedUpdates: TelegramPoller.AllowedUpdates,
                    dropPendingUpdates: false, secretToken: bot.Options.WebhookSecret, cancellationToken: stoppingToken);
                LogRegistered(bot.Name);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, bot.Name, backoff);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, backoff.Ticks * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot}: webhook set")]
    private partial void LogRegistered(string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: setWebhook failed; trying again in {Wait}")]
    private partial void LogFailed(Exception exception, string bot, TimeSpan wait);
}
