using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// <c>POST /api/channels/telegram/{Name}/webhook</c>: Telegram delivering one update to a webhook-mode bot. The
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header must carry the bot's secret (compared in constant time), else 401 and
/// nothing is read. 200 only once the store has acknowledged the message; when it has not, 503, and Telegram delivers
/// the update again later (the store keeps it once).
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

    private static async Task<Results<Ok, NotFound, UnauthorizedHttpResult, BadRequest, ProblemHttpResult>> HandleAsync(
        string name, HttpRequest request, TelegramBots bots, TelegramUpdateIngestor ingestor, ILoggerFactory loggers, CancellationToken ct)
    {
        if (bots.Find(name) is not { Options.Mode: TelegramBotMode.Webhook } bot)
        {
            return TypedResults.NotFound();
        }

        if (!SecretMatches(bot.Options.WebhookSecret, request.Headers[SecretHeader]))
        {
            return TypedResults.Unauthorized();
        }

        Update update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, TelegramUpdateJson.Options, ct)
                ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        try
        {
            await ingestor.IngestAsync(bot, update, ct);
            return TypedResults.Ok();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStoreFailed(loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!), ex, bot.Name, update.Id);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: webhook update {UpdateId} not stored; answered 503 so Telegram delivers it again")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string bot, int updateId);
}
