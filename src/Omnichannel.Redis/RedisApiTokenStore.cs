using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>API tokens. Keys (prefix <c>oc:{ws}:</c>): <c>token:{id}</c> hash (secret stored as a SHA-256 hash), <c>tokens</c> set of ids.</summary>
public sealed class RedisApiTokenStore(RedisConnection connection) : IApiTokenStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var transaction = db.CreateTransaction();
        _ = transaction.HashSetAsync(_keys.Token(token.Id),
        [
            new("id", token.Id),
            new("name", token.Name),
            new("scopes", JsonSerializer.Serialize([.. token.Scopes], StoreJsonContext.Default.StringArray)),
            new("secretHash", token.SecretHash),
            new("createdBy", token.CreatedBy),
            new("createdAt", HashMapping.Ms(token.CreatedAt)),
        ]);
        _ = transaction.SetAddAsync(_keys.Tokens, token.Id);
        await transaction.ExecuteAsync();
    }

    public async Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default)
    {
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

    public async Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var transaction = db.CreateTransaction();
        var deleted = transaction.KeyDeleteAsync(_keys.Token(tokenId));
        _ = transaction.SetRemoveAsync(_keys.Tokens, tokenId);
        await transaction.ExecuteAsync();
        return await deleted;
    }

    private static ApiToken ToToken(Dictionary<string, string> f) => new(
        Id: f["id"],
        Name: f["name"],
        Scopes: JsonSerializer.Deserialize(f["scopes"], StoreJsonContext.Default.StringArray) ?? [],
        SecretHash: f["secretHash"],
        CreatedBy: f["createdBy"],
        CreatedAt: HashMapping.FromMs(f["createdAt"]));
}
