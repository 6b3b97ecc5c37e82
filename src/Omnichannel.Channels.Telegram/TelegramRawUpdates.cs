using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// <c>getUpdates</c> read as raw JSON: the batch is split into its elements without reading any of them into an
/// <see cref="Update"/>, because Telegram.Bot's own <c>GetUpdates</c> fails the whole batch on one update it cannot read,
/// and the bot would then ask for that same batch forever. Errors are the library's own
/// (<see cref="ApiRequestException"/> with error_code and retry_after), so the poller's handling of 429/401/404/409 holds.
/// </summary>
public sealed class TelegramRawUpdates(HttpClient http, string baseRequestUrl)
{
    /// <summary>
    /// 100 updates of at most a few hundred kilobytes each (Telegram caps a message's text and entities); a larger answer
    /// is no Bot API server's and is not read on.
    /// </summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    public async Task<IReadOnlyList<TelegramRawUpdate>> GetAsync(long offset, int limit, int timeoutSeconds,
        IReadOnlyCollection<UpdateType> allowedUpdates, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["offset"] = offset,
            ["limit"] = limit,
            ["timeout"] = timeoutSeconds,
            ["allowed_updates"] = new JsonArray([.. allowedUpdates.Select(t => (JsonNode)JsonNamingPolicy.SnakeCaseLower.ConvertName(t.ToString()))]),
        };
        using var response = await http.PostAsync(baseRequestUrl + "/getUpdates", JsonContent.Create(parameters),
            cancellationToken);
        using var answer = await ReadAsync(response, cancellationToken);
        var root = answer.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok))
        {
            throw new RequestException("getUpdates answered with no Bot API response.", response.StatusCode);
        }

        if (ok.ValueKind != JsonValueKind.True)
        {
            throw Failure(root, response.StatusCode);
        }

        if (!root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new RequestException("getUpdates answered ok without a list of updates.", response.StatusCode);
        }

        return [.. result.EnumerateArray().Select(TelegramRawUpdate.From)];
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new RequestException($"getUpdates answered more than {MaxResponseBytes} bytes.", response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new RequestException($"getUpdates answered more than {MaxResponseBytes} bytes.", response.StatusCode);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException ex)
        {
            throw new RequestException("getUpdates answered with no JSON: " + ex.Message, response.StatusCode, ex);
        }
    }

    /// <summary><c>{"ok":false,"error_code":N,"description":…,"parameters":{"retry_after":S}}</c> as the library throws it.</summary>
    private static ApiRequestException Failure(JsonElement root, HttpStatusCode status)
    {
        var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)status;
        var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()!
            : $"getUpdates failed with {code}.";
        ResponseParameters? parameters = null;
        if (root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            parameters = new ResponseParameters
            {
                RetryAfter = p.TryGetProperty("retry_after", out var r) && r.TryGetInt32(out var seconds) ? seconds : null,
                MigrateToChatId = p.TryGetProperty("migrate_to_chat_id", out var m) && m.TryGetInt64(out var chat) ? chat : null,
            };
        }

        return parameters is null
            ? new ApiRequestException(description, code)
            : new ApiRequestException(description, code, parameters);
    }
}
