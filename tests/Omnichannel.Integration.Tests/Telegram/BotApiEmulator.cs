using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>
/// A Bot API server for tests, on a loopback port, speaking Telegram's wire format as documented at
/// https://core.telegram.org/bots/api: <c>{base}/bot{token}/{method}</c> with JSON, form or multipart parameters;
/// answers <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":N,"description":…,"parameters":{"retry_after":S}}</c>
/// with N as the HTTP status. Implements getMe, getUpdates (offset confirms earlier updates, limit, long-poll timeout,
/// allowed_updates, 409 while a webhook is set), sendMessage, sendPhoto, sendDocument (multipart uploads), getFile and
/// <c>{base}/file/bot{token}/{file_path}</c>, setWebhook and deleteWebhook. Any method can be told to fail next
/// (429 with retry_after, 403 "bot was blocked by the user", 5xx).
/// </summary>
public sealed class BotApiEmulator : IAsyncDisposable
{
    public const long BotId = 7000001234;
    public const string Token = "7000001234:AAE-emulated_Token-for_tests";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description, int? RetryAfter)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string Path, byte[] Bytes)> _files = new();
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 500_000;
    private int _nextMessageId = 9000;

    private BotApiEmulator(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Scheme, host and port: what <c>ApiBaseUrl</c> takes.</summary>
    public string BaseUrl { get; }

    /// <summary>Every Bot API call, in order: method name and its parameters as text.</summary>
    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>What the bot sent: sendMessage, sendPhoto and sendDocument calls that succeeded.</summary>
    public ConcurrentQueue<SentByBot> Sent { get; } = new();

    /// <summary>The <c>offset</c> of every getUpdates call.</summary>
    public ConcurrentQueue<long> RequestedOffsets { get; } = new();

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>Updates not yet confirmed by a getUpdates with a higher offset.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public static async Task<BotApiEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        BotApiEmulator? emulator = null;
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], (HttpContext http, string token, string method) => emulator!.HandleAsync(http, token, method));
        app.MapGet("/file/bot{token}/{**path}", (string token, string path) => emulator!.Download(token, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator = new BotApiEmulator(app, address.TrimEnd('/'));
        return emulator;
    }

    /// <summary>Queues an update (its <c>update_id</c> assigned when missing) for getUpdates; returns the id.</summary>
    public int Enqueue(JsonObject update)
    {
        lock (_gate)
        {
            if (update["update_id"] is null)
            {
                update["update_id"] = _nextUpdateId++;
            }

            _pending.Add(update);
            _updateArrived.TrySetResult();
            return (int)update["update_id"]!;
        }
    }

    /// <summary>A file the bot can fetch with getFile; returns its file_id.</summary>
    public string AddFile(byte[] bytes, string path)
    {
        var fileId = "BQACAgIAAxkBAAI" + Guid.NewGuid().ToString("N")[..16];
        _files[fileId] = (path, bytes);
        return fileId;
    }

    /// <summary>The next call of <paramref name="method"/> fails with this error (queue several for several calls).</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null) =>
        _failures.GetOrAdd(method, _ => new()).Enqueue((errorCode, description, retryAfter));

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }

        var parameters = await ReadParametersAsync(http.Request);
        Calls.Enqueue(new ApiCall(method, parameters.Text));
        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
        {
            return Error(failure.Code, failure.Description, failure.RetryAfter);
        }

        return method.ToLowerInvariant() switch
        {
            "getme" => Ok(new JsonObject
            {
                ["id"] = BotId,
                ["is_bot"] = true,
                ["first_name"] = "Acme Support",
                ["username"] = "acme_support_bot",
                ["can_join_groups"] = true,
                ["can_read_all_group_messages"] = false,
                ["supports_inline_queries"] = false,
            }),
            "getupdates" => await GetUpdatesAsync(parameters, http.RequestAborted),
            "sendmessage" => SendMessage(parameters),
            "sendphoto" => SendFile(parameters, "photo"),
            "senddocument" => SendFile(parameters, "document"),
            "getfile" => GetFile(parameters),
            "setwebhook" => SetWebhook(parameters),
            "deletewebhook" => DeleteWebhook(),
            _ => Error(404, "Not Found"),
        };
    }

    private async Task<IResult> GetUpdatesAsync(Parameters p, CancellationToken aborted)
    {
        if (WebhookUrl is not null)
        {
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = p.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(p.Long("limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(p.Long("timeout") ?? 0, 0, 50);
        var allowed = p.Json("allowed_updates") is JsonArray list && list.Count > 0 ? list.Select(n => (string)n!).ToHashSet() : null;
        RequestedOffsets.Enqueue(offset);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                // "An update is considered confirmed as soon as getUpdates is called with an offset higher than its update_id."
                _pending.RemoveAll(u => (int)u["update_id"]! < offset);
                if (allowed is not null)
                {
                    _pending.RemoveAll(u => !u.Any(kv => kv.Key != "update_id" && allowed.Contains(kv.Key)));
                }

                var batch = _pending.OrderBy(u => (int)u["update_id"]!).Take(limit).ToList();
                if (batch.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return Ok(new JsonArray([.. batch.Select(u => u.DeepClone())]));
                }

                if (_updateArrived.Task.IsCompleted)
                {
                    _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = _updateArrived.Task;
            }

            var wait = deadline - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await arrived.WaitAsync(wait, aborted);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }
        }
    }

    private IResult SendMessage(Parameters p)
    {
        var text = p.String("text");
        if (string.IsNullOrEmpty(text?.Trim()))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (text.Length > 4096)
        {
            return Error(400, "Bad Request: message is too long");
        }

        if (p.Long("chat_id") is not { } chatId)
        {
            return Error(400, "Bad Request: chat not found");
        }

        var message = NewMessage(chatId);
        message["text"] = text;
        Sent.Enqueue(new SentByBot("sendMessage", chatId, (int)message["message_id"]!, text, null, null, null, ReplyTo(p), p.Long("message_thread_id")));
        return Ok(message);
    }

    private IResult SendFile(Parameters p, string field)
    {
        if (p.Long("chat_id") is not { } chatId)
        {
            return Error(400, "Bad Request: chat not found");
        }

        // The file part is named after the field, or the field says "attach://<part name>" (both are Bot API forms).
        var partName = p.String(field) is { } value && value.StartsWith("attach://", StringComparison.Ordinal) ? value["attach://".Length..] : field;
        if (!p.Files.TryGetValue(partName, out var file))
        {
            // A file_id or URL instead of an upload: not what our sender does, and not emulated.
            return Error(400, $"Bad Request: there is no {field} in the request (parts: {string.Join(",", p.Files.Keys)}; fields: {string.Join(",", p.Text.Keys)})");
        }

        var caption = p.String("caption");
        if (caption?.Length > 1024)
        {
            return Error(400, "Bad Request: message caption is too long");
        }

        var message = NewMessage(chatId);
        var fileId = AddFile(file.Bytes, $"{field}s/file_{Interlocked.Increment(ref _nextMessageId)}");
        if (field == "photo")
        {
            message["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "AQAD" + fileId[^8..],
                ["file_size"] = file.Bytes.Length,
                ["width"] = 320,
                ["height"] = 240,
            });
        }
        else
        {
            message["document"] = new JsonObject
            {
                ["file_name"] = file.FileName,
                ["mime_type"] = file.ContentType,
                ["file_id"] = fileId,
                ["file_unique_id"] = "AgAD" + fileId[^8..],
                ["file_size"] = file.Bytes.Length,
            };
        }

        if (caption is not null)
        {
            message["caption"] = caption;
        }

        Sent.Enqueue(new SentByBot(field == "photo" ? "sendPhoto" : "sendDocument", chatId, (int)message["message_id"]!, caption, file.FileName, file.ContentType, file.Bytes, ReplyTo(p), p.Long("message_thread_id")));
        return Ok(message);
    }

    private IResult GetFile(Parameters p)
    {
        var fileId = p.String("file_id") ?? "";
        if (!_files.TryGetValue(fileId, out var file))
        {
            return Error(400, "Bad Request: invalid file_id");
        }

        return Ok(new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "AgAD" + fileId[^8..],
            ["file_size"] = file.Bytes.Length,
            ["file_path"] = file.Path,
        });
    }

    private IResult Download(string token, string path)
    {
        if (token != Token)
        {
            return Results.NotFound();
        }

        var file = _files.Values.FirstOrDefault(f => f.Path == path);
        return file.Bytes is null ? Results.NotFound() : Results.Bytes(file.Bytes, "application/octet-stream");
    }

    private IResult SetWebhook(Parameters p)
    {
        var url = p.String("url");
        if (string.IsNullOrEmpty(url))
        {
            WebhookUrl = null;
            return Ok(true, "Webhook is already deleted");
        }

        WebhookUrl = url;
        WebhookSecret = p.String("secret_token");
        return Ok(true, "Webhook was set");
    }

    private IResult DeleteWebhook()
    {
        var had = WebhookUrl is not null;
        WebhookUrl = null;
        WebhookSecret = null;
        return Ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private JsonObject NewMessage(long chatId) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
        ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Acme Support", ["username"] = "acme_support_bot" },
        ["chat"] = chatId < 0
            ? new JsonObject { ["id"] = chatId, ["title"] = "Group", ["type"] = "supergroup" }
            : new JsonObject { ["id"] = chatId, ["first_name"] = "Customer", ["type"] = "private" },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    private static int? ReplyTo(Parameters p) => p.Json("reply_parameters") is JsonObject reply ? (int?)reply["message_id"] : null;

    private static IResult Ok(JsonNode result, string? description = null)
    {
        var body = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            body["description"] = description;
        }

        return Results.Content(body.ToJsonString(), "application/json");
    }

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return Results.Content(body.ToJsonString(), "application/json", statusCode: code);
    }

    private static async Task<Parameters> ReadParametersAsync(HttpRequest request)
    {
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            text[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                text[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject json)
            {
                foreach (var (key, value) in json)
                {
                    text[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : value?.ToJsonString() ?? "";
                }
            }
        }

        return new Parameters(text, files);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record ApiCall(string Method, IReadOnlyDictionary<string, string> Parameters);

    public sealed record SentByBot(string Method, long ChatId, int MessageId, string? Text, string? FileName, string? ContentType, byte[]? Bytes, int? ReplyToMessageId, long? MessageThreadId);

    private sealed record UploadedFile(string FileName, string ContentType, byte[] Bytes);

    private sealed record Parameters(IReadOnlyDictionary<string, string> Text, IReadOnlyDictionary<string, UploadedFile> Files)
    {
        public string? String(string name) => Text.GetValueOrDefault(name);

        public long? Long(string name) =>
            Text.TryGetValue(name, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        public JsonNode? Json(string name)
        {
            if (!Text.TryGetValue(name, out var v) || v.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(v);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
