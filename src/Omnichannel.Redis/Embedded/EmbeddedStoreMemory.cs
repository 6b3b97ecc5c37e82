using System.Globalization;
using StackExchange.Redis;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// How full the embedded store is. Garnet evicts records (moving its log's begin address forward) once the log
/// pages it has allocated plus the heap its objects use exceed its memory limit; without a storage tier those
/// records are gone. Measured here: hashes of 1 KiB started disappearing at about 55% of --memory in heap alone,
/// because the allocated log pages count too (see EmbeddedMemoryTests).
/// </summary>
public sealed record EmbeddedStoreMemory(long BytesUsed, long BytesLimit, long BeginAddress, long HeadAddress)
{
    public double UsedFraction => BytesLimit > 0 ? (double)BytesUsed / BytesLimit : 0;

    public static async Task<EmbeddedStoreMemory> ReadAsync(IServer server)
    {
        var info = (await server.InfoAsync()).SelectMany(g => g).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return Parse(info);
    }

    public static EmbeddedStoreMemory Parse(IReadOnlyDictionary<string, string> info)
    {
        long Get(string name) => info.TryGetValue(name, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new EmbeddedStoreMemory(
            BytesUsed: Get("Log.CurrentMemorySizeBytes") + Get("Log.CurrentHeapSizeBytes"),
            BytesLimit: Get("Log.MaxMemorySizeBytes"),
            BeginAddress: Get("Log.BeginAddress"),
            HeadAddress: Get("Log.HeadAddress"));
    }
}
