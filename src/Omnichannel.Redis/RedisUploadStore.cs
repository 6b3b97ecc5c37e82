using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Uploads waiting for their reply. Key (prefix <c>oc:{ws}:</c>): <c>upload:{id}</c> string
/// "conversationId|agentId|attachment JSON", expiring after a day. Taking is one script: all or nothing.
/// </summary>
public sealed class RedisUploadStore(RedisConnection connection) : IUploadStore
{
    // KEYS: the upload keys. ARGV: 1 "conversationId|agentId|". Returns the JSON of each, or nil when any does not match.
    private const string TakeScript = """
        local values = {}
        for i, key in ipairs(KEYS) do
          local v = redis.call('GET', key)
          if not v or string.sub(v, 1, #ARGV[1]) ~= ARGV[1] then return nil end
          values[i] = string.sub(v, #ARGV[1] + 1)
        end
        for _, key in ipairs(KEYS) do redis.call('DEL', key) end
        return values
        """;

    private string Key(string id) => connection.Keys.Prefix + "upload:" + id;

    public async Task SaveAsync(string conversationId, string agentId, AttachmentInfo attachment, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var json = JsonSerializer.Serialize(attachment, StoreJsonContext.Default.AttachmentInfo);
        await db.StringSetAsync(Key(attachment.Id), $"{conversationId}|{agentId}|{json}", lifetime);
    }

    public async Task<IReadOnlyList<AttachmentInfo>?> TakeAsync(string conversationId, string agentId, IReadOnlyList<string> attachmentIds, CancellationToken cancellationToken = default)
    {
        if (attachmentIds.Count == 0)
        {
            return [];
        }

        var db = await connection.DatabaseAsync();
        var result = await db.ScriptEvaluateAsync(TakeScript, [.. attachmentIds.Distinct(StringComparer.Ordinal).Select(id => (RedisKey)Key(id))], [$"{conversationId}|{agentId}|"]);
        if (result.IsNull)
        {
            return null;
        }

        return [.. ((RedisResult[])result!).Select(v => JsonSerializer.Deserialize((string)v!, StoreJsonContext.Default.AttachmentInfo)!)];
    }
}
