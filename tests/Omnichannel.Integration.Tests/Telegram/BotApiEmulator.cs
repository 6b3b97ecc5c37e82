using System.Collections.Concurrent;
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
public sealed partial class BotApiEmulator : IAsyncDisposable
{
    public const long BotId = 7000001234;
    public const string Token = "7000001234:AAE-emulated_Token-for_tests";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
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

            var id = (int)update["update_id"]!;
            Add(new PendingUpdate(id, update));
            return id;
        }
    }

    /// <summary>
    /// Queues an element of getUpdates' result exactly as given (any JSON: an update no client library can read, one
    /// whose <c>update_id</c> is unreadable) under the next update id, which <paramref name="element"/> is given and
    /// need not carry. Returns that id: a getUpdates with a higher offset confirms it, as for any update.
    /// </summary>
    public int EnqueueRaw(Func<int, string> element)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            Add(new PendingUpdate(id, JsonNode.Parse(element(id))));
            return id;
        }
    }

    private void Add(PendingUpdate update)
    {
        _pending.Add(update);
        _updateArrived.TrySetResult();
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>An update Telegram holds, by its id, and the JSON getUpdates hands out for it.</summary>
    private sealed record PendingUpdate(int Id, JsonNode? Json);

    public sealed record ApiCall(string Method, IReadOnlyDictionary<string, string> Parameters);

    public sealed record SentByBot(string Method, long ChatId, int MessageId, string? Text, string? FileName, string? ContentType, byte[]? Bytes, int? ReplyToMessageId, long? MessageThreadId)
    {
        /// <summary>When the emulator took it.</summary>
        public DateTime At { get; } = DateTime.UtcNow;
    }

}
