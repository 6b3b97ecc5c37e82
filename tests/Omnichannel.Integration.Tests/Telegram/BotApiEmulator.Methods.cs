using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>The Bot API methods the emulator answers: getUpdates, sendMessage, sendPhoto/sendDocument, getFile and downloads, webhooks.</summary>
public sealed partial class BotApiEmulator
{
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
                _pending.RemoveAll(u => u.Id < offset);
                if (allowed is not null)
                {
                    // Raw elements that are no object are handed out as they are: they stand for updates a client cannot read.
                    _pending.RemoveAll(u => u.Json is JsonObject o && !o.Any(kv => kv.Key != "update_id" && allowed.Contains(kv.Key)));
                }

                var batch = _pending.OrderBy(u => u.Id).Take(limit).ToList();
                if (batch.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return Ok(new JsonArray([.. batch.Select(u => u.Json?.DeepClone())]));
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
}
