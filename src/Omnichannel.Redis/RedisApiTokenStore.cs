using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// API tokens. Keys (prefix <c>oc:{ws}:</c>): <c>token:{id}</c> hash (secret stored as a SHA-256 hash), <c>tokens</c>
/// set of ids; a token and its listing are written together by token_create.lua and token_delete.lua (journaled).
/// </summary>
public sealed class RedisApiTokenStore(RedisConnection connection) : IApiTokenStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default) =>
        await connection.EvaluateJournaledAsync(LuaScripts.TokenCreate, CreateCall(token));

    /// <summary>The keys and arguments of token_create.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) CreateCall(ApiToken token)
    {
        if (!Ids.IsWellFormed(token.Id))
        {
            throw new ArgumentException($"'{token.Id}' is not a token id.", nameof(token));
        }

        return connection.JournaledCall(
        [
            _keys.Token(token.Id), _keys.Tokens, token.Id,
            "id", token.Id,
            "name", token.Name,
            "scopes", JsonSerializer.Serialize([.. token.Scopes], StoreJsonContext.Default.StringArray),
            "secretHash", token.SecretHash,
            "createdBy", token.CreatedBy,
            "createdAt", HashMapping.Ms(token.CreatedAt),
        ]);
    }

    public async Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(tokenId))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var entries = await db.HashGetAllAsync(_keys.Token(tokenId));
        return entries.Length == 0 ? null : ToToken(HashMapping.ToDictionary(entries));
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = await db.SetMembersAsync(_keys.Tokens);
        var tokens = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(_keys.Token(id!))));
        return [.. tokens.Where(t => t.Length > 0).Select(t => ToToken(HashMapping.ToDictionary(t))).OrderBy(t => t.CreatedAt)];
    }

    public async Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default) =>
        Ids.IsWellFormed(tokenId)
        && (int)await connection.EvaluateJournaledAsync(LuaScripts.TokenDelete, DeleteCall(tokenId)) == 1;

    /// <summary>The keys and arguments of token_delete.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DeleteCall(string tokenId) =>
        connection.JournaledCall([_keys.Token(tokenId), _keys.Tokens, tokenId]);

    private static ApiToken ToToken(Dictionary<string, string> f) => new(
        Id: f["id"],
        Name: f["name"],
        Scopes: JsonSerializer.Deserialize(f["scopes"], StoreJsonContext.Default.StringArray) ?? [],
        SecretHash: f["secretHash"],
        CreatedBy: f["createdBy"],
        CreatedAt: HashMapping.FromMs(f["createdAt"]));
}
