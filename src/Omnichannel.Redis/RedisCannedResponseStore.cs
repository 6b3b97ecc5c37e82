using System.Text.Json;
using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Canned responses. Keys (prefix <c>oc:{ws}:</c>): <c>canned:{id}</c> string, the response as JSON
/// (<see cref="StoredCannedResponse"/>); <c>canned-responses</c> set of ids; <c>canned-codes</c> hash, short-code
/// scope (<see cref="CannedResponse.ShortCodeScope"/>) → id, the guard that keeps a code unique in its scope. All
/// three are written together by canned_save.lua and canned_delete.lua, each a compare-and-set on the JSON the caller
/// read, so the access decision made on that version holds for the write.
/// </summary>
public sealed class RedisCannedResponseStore(RedisConnection connection) : ICannedResponseStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<CannedResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = (await db.SetMembersAsync(_keys.CannedResponses))
            .Select(id => (string)id!).Where(Slugs.IsValid).ToList();
        var values = ids.Count == 0
            ? []
            : await db.StringGetAsync([.. ids.Select(id => (RedisKey)_keys.CannedResponse(id))]);
        return [.. values.Where(v => !v.IsNull).Select(Read)
            .OrderBy(r => r.ShortCode, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task<CannedResponse?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(id))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.CannedResponse(id));
        return json.IsNull ? null : Read(json);
    }

    public async Task<CannedResponseWrite> SaveAsync(
        CannedResponse response, CannedResponse? expected, CancellationToken cancellationToken = default)
    {
        Check(response.Id);
        var result = await connection.EvaluateJournaledAsync(LuaScripts.CannedSave, connection.JournaledCall(
        [
            _keys.CannedResponse(response.Id), _keys.CannedResponses, _keys.CannedShortCodes,
            Write(response), response.Id,
            response.ShortCodeScope, expected is null ? "" : Write(expected), expected?.ShortCodeScope ?? "",
        ]));
        return ToWrite(result);
    }

    public async Task<CannedResponseWrite> DeleteAsync(
        CannedResponse expected, CancellationToken cancellationToken = default)
    {
        Check(expected.Id);
        var result = await connection.EvaluateJournaledAsync(LuaScripts.CannedDelete, connection.JournaledCall(
        [
            _keys.CannedResponse(expected.Id), _keys.CannedResponses, _keys.CannedShortCodes, expected.Id,
            Write(expected), expected.ShortCodeScope,
        ]));
        return ToWrite(result);
    }

    private static void Check(string id)
    {
        if (!Slugs.IsValid(id))
        {
            throw new ArgumentException($"'{id}' is no canned response id: {Slugs.Rule}", nameof(id));
        }
    }

    private static CannedResponseWrite ToWrite(RedisResult result) => (string?)result switch
    {
        "done" => CannedResponseWrite.Done,
        "taken" => CannedResponseWrite.ShortCodeTaken,
        _ => CannedResponseWrite.Changed,
    };

    // The JSON is the compare-and-set's token: a version read and written back serializes to the same string.
    private static string Write(CannedResponse response) => JsonSerializer.Serialize(
        new StoredCannedResponse(
            response.Id, response.ShortCode, response.Title, response.Text,
            response.Visibility == CannedResponseVisibility.Shared ? "shared" : "personal",
            response.OwnerAgentId, response.UpdatedAt.ToUnixTimeMilliseconds()),
        StoreJsonContext.Default.StoredCannedResponse);

    private static CannedResponse Read(RedisValue json)
    {
        var stored = JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.StoredCannedResponse)
            ?? throw new InvalidDataException("A stored canned response is JSON null.");
        var visibility = stored.Visibility switch
        {
            "shared" => CannedResponseVisibility.Shared,
            "personal" => CannedResponseVisibility.Personal,
            _ => throw new InvalidDataException($"Stored canned response '{stored.Id}' has no known visibility."),
        };
        return new(stored.Id, stored.ShortCode, stored.Title, stored.Text, visibility, stored.OwnerAgentId,
            DateTimeOffset.FromUnixTimeMilliseconds(stored.UpdatedAt));
    }
}
