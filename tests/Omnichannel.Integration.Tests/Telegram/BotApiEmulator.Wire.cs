using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>The Bot API wire format: reading a call's parameters (query, form, multipart, JSON) and writing its answer.</summary>
public sealed partial class BotApiEmulator
{
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
