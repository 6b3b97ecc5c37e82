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

        var result = await connection.EvaluateJournaledAsync(LuaScripts.UploadTake,
            TakeCall(conversationId, agentId, attachmentIds));
        if (result.IsNull)
        {
            return null;
        }

        return [.. ((RedisResult[])result!).Select(v => JsonSerializer.Deserialize((string)v!, StoreJsonContext.Default.AttachmentInfo)!)];
    }

    /// <summary>The keys and arguments of upload_take.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) TakeCall(string conversationId, string agentId,
        IReadOnlyList<string> attachmentIds) =>
        connection.JournaledCall(
        [
            $"{conversationId}|{agentId}|",
            .. attachmentIds.Distinct(StringComparer.Ordinal).Select(id => (RedisValue)Key(id)),
        ]);
}
