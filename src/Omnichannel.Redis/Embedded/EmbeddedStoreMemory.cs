using System.Globalization;
using StackExchange.Redis;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// How full the embedded store's in-memory log is. Without a storage tier Garnet drops records below its head
/// address once the log outgrows its memory, so <see cref="RecordsEvicted"/> means data was lost.
/// </summary>
public sealed record EmbeddedStoreMemory(long LogBytesUsed, long LogBytesLimit, long HeapBytesUsed, long HeapBytesLimit, bool RecordsEvicted)
{
    public double UsedFraction => Math.Max(
        LogBytesLimit > 0 ? (double)LogBytesUsed / LogBytesLimit : 0,
        HeapBytesLimit > 0 ? (double)HeapBytesUsed / HeapBytesLimit : 0);

    public static async Task<EmbeddedStoreMemory> ReadAsync(IServer server)
    {
        var info = (await server.InfoAsync()).SelectMany(g => g).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return Parse(info);
    }

    public static EmbeddedStoreMemory Parse(IReadOnlyDictionary<string, string> info)
    {
        long Get(string name) => info.TryGetValue(name, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var begin = Get("Log.BeginAddress");
        return new EmbeddedStoreMemory(
            LogBytesUsed: Get("Log.TailAddress") - begin,
            LogBytesLimit: Get("Log.MaxMemorySizeBytes"),
            HeapBytesUsed: Get("Log.CurrentHeapSizeBytes"),
            HeapBytesLimit: Get("store_heap_memory_target_size"),
            RecordsEvicted: Get("Log.HeadAddress") > begin);
    }
}
