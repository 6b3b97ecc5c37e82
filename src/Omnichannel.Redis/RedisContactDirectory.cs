using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Contact lookup over the keys <see cref="RedisConversationStore"/> writes (prefix <c>oc:{ws}:</c>): <c>identity</c>
/// (hash "kind:value" → contact id) for an exact email, and <c>contacts</c> (zset by creation) with each
/// <c>contact:{id}</c>'s <c>name email mergedInto</c> for the rest. Reads only, each step one pipelined round trip.
/// </summary>
public sealed class RedisContactDirectory(RedisConnection connection) : IContactDirectory
{
    private static readonly RedisValue[] Fields = ["name", "email", "mergedInto"];

    public async Task<IReadOnlyList<string>> FindAsync(string text, int scan, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var keys = connection.Keys;
        var found = new List<string>();
        if (text.Contains('@', StringComparison.Ordinal)
            && await db.HashGetAsync(keys.Prefix + "identity", $"{IdentityKinds.Email}:{text.ToLowerInvariant()}")
                is { IsNull: false } owner)
        {
            found.Add(owner!);
        }

        var ids = await db.SortedSetRangeByRankAsync(keys.Prefix + "contacts", 0, scan - 1, Order.Descending);
        var reads = ids.Select(id => db.HashGetAsync(keys.Contact(id!), Fields)).ToArray();
        var fields = await Task.WhenAll(reads);
        for (var i = 0; i < ids.Length; i++)
        {
            var (name, email, mergedInto) = ((string?)fields[i][0], (string?)fields[i][1], fields[i][2]);
            if (mergedInto.IsNull && (Matches(name, text) || Matches(email, text)))
            {
                found.Add(ids[i]!);
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static bool Matches(string? value, string text) =>
        value is not null && value.Contains(text, StringComparison.OrdinalIgnoreCase);
}
