using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// The configured bots and one Bot API client each, made once. Clients never retry a 429 themselves
/// (<see cref="TelegramBotClientOptions.RetryCount"/> 0): the poller and the durable reply queue decide when to try again,
/// so one slow chat never holds the sender in a sleep.
/// </summary>
public sealed class TelegramBots : IDisposable
{
    private readonly Dictionary<string, TelegramBot> _bots = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpClient _http;

    public TelegramBots(IOptions<TelegramChannelOptions> options)
    {
        // Longer than any long poll (at most 50 s), so a getUpdates waiting for updates is never cut off by the client.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(90),
        };
        foreach (var bot in options.Value.Bots)
        {
            var clientOptions = new TelegramBotClientOptions(bot.Token, bot.CustomApiBaseUrl) { RetryCount = 0 };
            _bots[bot.Name] = new TelegramBot(bot, new TelegramBotClient(clientOptions, _http),
                new TelegramRawUpdates(_http, clientOptions.BaseRequestUrl));
        }
    }

    public IReadOnlyCollection<TelegramBot> All => _bots.Values;

    /// <summary>The bot named <paramref name="name"/> (case-insensitive, as webhook paths are), or null.</summary>
    public TelegramBot? Find(string name) => _bots.GetValueOrDefault(name);

    public void Dispose() => _http.Dispose();
}
