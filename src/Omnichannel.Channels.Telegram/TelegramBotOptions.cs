using System.Net;
using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// One bot, bound from <c>Omnichannel:Channels:Telegram:Bots:N</c> (keys pinned by issue 6). Empty strings mean "not set",
/// as everywhere in our configuration. A class, not a record, so the token never shows up in a log through <c>ToString</c>.
/// </summary>
public sealed class TelegramBotOptions
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>Longest webhook secret Telegram accepts.</summary>
    public const int MaxWebhookSecretLength = 256;

    /// <summary>Our name for the bot: the account its conversations belong to and the <c>{Name}</c> in <c>/api/channels/telegram/{Name}/webhook</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The token BotFather gives out: <c>123456789:AAH...</c>.</summary>
    public string Token { get; set; } = "";

    public TelegramBotMode Mode { get; set; } = TelegramBotMode.Polling;

    /// <summary>A self-hosted <c>telegram-bot-api</c> server (or a test emulator) instead of Telegram's. Scheme, host and port only.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The public URL handed to <c>setWebhook</c>, as Telegram will call it (behind a proxy it may differ from ours).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c> with every webhook call.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Queue new conversations from this bot wait in.</summary>
    public string Queue { get; set; } = "default";

    /// <summary>
    /// <see cref="ApiBaseUrl"/> when set, else null. Hand this, not <see cref="DefaultApiBaseUrl"/>, to
    /// <c>TelegramBotClientOptions</c>: any base URL there switches Telegram.Bot to local-server mode (<c>LocalBotServer</c>).
    /// </summary>
    public string? CustomApiBaseUrl => string.IsNullOrWhiteSpace(ApiBaseUrl) ? null : ApiBaseUrl.Trim();

    /// <summary>Bot id: the digits before the colon of the token (public; safe to log, unlike the token).</summary>
    public long? BotId => TryParseToken(Token, out var id) ? id : null;

    /// <summary>Every problem, each naming its key relative to the bot's section (<c>Token</c>, <c>WebhookUrl</c>).</summary>
    public IEnumerable<ValidationError> Validate()
    {
        if (!IsName(Name))
        {
            yield return new(nameof(Name), "is required: 1-64 letters, digits, '-' or '_' (it is part of the webhook URL path).");
        }

        // Never echo the token: the message ends up in logs.
        if (!TryParseToken(Token, out _))
        {
            yield return new(nameof(Token), "must be the token BotFather gave: the bot id (digits), a colon, then letters, digits, '-' or '_'.");
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return new(nameof(Mode), "must be Polling or Webhook.");
        }

        if (!string.IsNullOrWhiteSpace(ApiBaseUrl) && ApiBaseUrlProblem(ApiBaseUrl.Trim()) is { } apiProblem)
        {
            yield return new(nameof(ApiBaseUrl), apiProblem);
        }

        if (string.IsNullOrWhiteSpace(WebhookUrl))
        {
            if (Mode == TelegramBotMode.Webhook)
            {
                yield return new(nameof(WebhookUrl), "is required in Webhook mode.");
            }
        }
        else if (WebhookUrlProblem(WebhookUrl.Trim(), officialApi: string.IsNullOrWhiteSpace(ApiBaseUrl)) is { } webhookProblem)
        {
            yield return new(nameof(WebhookUrl), webhookProblem);
        }

        if (string.IsNullOrEmpty(WebhookSecret))
        {
            // Without it anyone who guesses the URL can post updates as any customer.
            if (Mode == TelegramBotMode.Webhook)
            {
                yield return new(nameof(WebhookSecret), "is required in Webhook mode.");
            }
        }
        else if (!IsWebhookSecret(WebhookSecret))
        {
            yield return new(nameof(WebhookSecret), $"must be 1-{MaxWebhookSecretLength} characters of A-Z, a-z, 0-9, '_' and '-' (Telegram's rule).");
        }

        // A queue id is a slug (what ingest accepts): a bot whose every update would be refused fails at start.
        if (!Slugs.IsValid(Queue))
        {
            yield return new(nameof(Queue), Slugs.Rule);
        }
    }

    internal static bool IsName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static bool TryParseToken(string? token, out long botId)
    {
        botId = 0;
        var colon = token?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (token is null || colon is < 1 or > 20 || colon == token.Length - 1 || token.Length > 256)
        {
            return false;
        }

        return token[..colon].All(char.IsAsciiDigit)
            && token[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && long.TryParse(token.AsSpan(0, colon), out botId)
            && botId > 0;
    }

    internal static bool IsWebhookSecret(string? secret) =>
        !string.IsNullOrEmpty(secret) && secret.Length <= MaxWebhookSecretLength
        && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? ApiBaseUrlProblem(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http(s) URL such as http://localhost:8081.";
        }

        // Telegram.Bot builds {scheme}://{host}:{port}/bot{token}/{method} and drops any path: refuse one rather than call elsewhere.
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return "must be scheme, host and port only: Telegram.Bot ignores a path.";
        }

        return null;
    }

    private static string? WebhookUrlProblem(string value, bool officialApi)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute https URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return "must use https (http is allowed only for localhost, for tests).";
        }

        if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return "must not carry a fragment or user info.";
        }

        // Telegram's own servers deliver webhooks to these ports only; a self-hosted Bot API server to any.
        if (officialApi && uri.Scheme == Uri.UriSchemeHttps && uri.Port is not (443 or 80 or 88 or 8443))
        {
            return "must use port 443, 80, 88 or 8443: the only ones Telegram delivers webhooks to.";
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
