using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// <c>POST /api/channels/telegram/{Name}/webhook</c>: Telegram delivering one update to a webhook-mode bot. The
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header must carry the bot's secret (compared in constant time), else 401 and
/// nothing is read. 200 only once the store has acknowledged the message, or once the update is in quarantine (a body
/// that is no update, an update that keeps failing: <see cref="InboundQuarantine"/>); otherwise 503, and Telegram
/// delivers the update again later (the store keeps it once).
/// </summary>
public static partial class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Updates are a few kilobytes; a megabyte leaves room for long texts with many entities.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/channels/telegram/{name}/webhook", HandleAsync)
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithTags("Telegram");
        return app;
    }

    private static async Task<Results<Ok, NotFound, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        string name, HttpRequest request, TelegramBots bots, TelegramUpdateIngestor ingestor, InboundQuarantine quarantine,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (bots.Find(name) is not { Options.Mode: TelegramBotMode.Webhook } bot)
        {
            return TypedResults.NotFound();
        }

        if (!SecretMatches(bot.Options.WebhookSecret, request.Headers[SecretHeader]))
        {
            return TypedResults.Unauthorized();
        }

        var logger = loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!);
        // Bounded by the request size limit above; kept as sent, so a quarantined update keeps its own bytes.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        RawInboundItem Raw()
        {
            body.Position = 0;
            return new RawInboundItem(body, body.Length);
        }

        Update update;
        try
        {
            update = TelegramUpdateJson.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (JsonException ex)
        {
            // Telegram would deliver it again and again, holding up the bot's later updates: set it aside and move on.
            var item = new InboundItemRef(ChannelNames.Telegram, bot.Name, "body:" + Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)))[..32]);
            await quarantine.QuarantineAsync(item, "Not a Telegram update: " + ex.Message, 1, Raw(), ct);
            LogQuarantined(logger, bot.Name, item.ItemId);
            return TypedResults.Ok();
        }

        try
        {
            var item = new InboundItemRef(ChannelNames.Telegram, bot.Name, update.Id.ToString(CultureInfo.InvariantCulture));
            if (!await quarantine.RunAsync(item, c => ingestor.IngestOrRefuseAsync(bot, update, c), Raw, ct))
            {
                LogQuarantined(logger, bot.Name, item.ItemId);
            }

            return TypedResults.Ok();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStoreFailed(logger, ex, bot.Name, update.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The update could not be stored.",
                detail: "Telegram will deliver it again.");
        }
    }

    internal static bool SecretMatches(string? expected, string? given)
    {
        if (string.IsNullOrEmpty(expected) || given is null)
        {
            return false;
        }

        // Hashing first makes the comparison constant-time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: webhook item {Item} is quarantined; answered 200 so Telegram moves on")]
    private static partial void LogQuarantined(ILogger logger, string bot, string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: webhook update {UpdateId} not stored; answered 503 so Telegram delivers it again")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string bot, int updateId);
}
