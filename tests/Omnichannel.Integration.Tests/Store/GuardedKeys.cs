using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The checker tests' random damage: which of the store's keys to harm.</summary>
internal static class GuardedKeys
{
    /// <summary>
    /// One of the workspace's keys whose name (without the prefix) <paramref name="isGuarded"/> accepts, chosen by
    /// <paramref name="random"/> among them in name order, so a seed picks the same key again.
    /// </summary>
    public static async Task<(string Name, RedisKey Key)> PickAsync(StoreUnderTest store, Random random, Func<string, bool> isGuarded)
    {
        var server = (await store.Connection.MultiplexerAsync()).GetServers()[0];
        var names = new List<string>();
        await foreach (var scanned in server.KeysAsync(pattern: store.Keys.Prefix + "*", pageSize: 1000))
        {
            var name = ((string)scanned!)[store.Keys.Prefix.Length..];
            if (isGuarded(name))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        var chosen = names[random.Next(names.Count)];
        return (chosen, store.Keys.Prefix + chosen);
    }
}
