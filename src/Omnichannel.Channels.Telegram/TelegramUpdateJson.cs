using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Bot API JSON as Telegram.Bot reads it (<see cref="JsonBotAPI.Options"/>: snake_case names, unix-time dates, enum strings).
/// Fields and update types newer than the library are ignored rather than rejected.
/// </summary>
public static class TelegramUpdateJson
{
    public static JsonSerializerOptions Options => JsonBotAPI.Options;

    /// <exception cref="JsonException">Not an update.</exception>
    public static Update Parse(string json) =>
        JsonSerializer.Deserialize<Update>(json, Options) ?? throw new JsonException("The JSON is null, not an update.");

    /// <exception cref="JsonException">Not an update.</exception>
    public static Update Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Update>(utf8Json, Options) ?? throw new JsonException("The JSON is null, not an update.");

    /// <exception cref="JsonException">Not an update.</exception>
    public static async Task<Update> ParseAsync(Stream utf8Json, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<Update>(utf8Json, Options, cancellationToken)
        ?? throw new JsonException("The JSON is null, not an update.");

    public static string Serialize(Update update) => JsonSerializer.Serialize(update, Options);
}
