using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Redis;
using Omnichannel.Server.Search;

namespace Omnichannel.Bench;

/// <summary>
/// <c>--search [N] [M]</c>: N conversations of M messages each into a fresh redis-server through the real ingest
/// script, then the search index built from that store as a node builds it at start (build time, index size), then
/// queries as <c>GET /api/search</c> runs them (rank, load each hit's conversation, cut its snippet): p50 and p95.
/// </summary>
internal static class SearchCommand
{
    public const string Flag = "--search";

    private const int Queries = 1000;
    private const int PageSize = 20;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var conversations = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var perConversation = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var machine = MachineInfo.Describe(new BenchOptions { Redis = true });
        await using var redis = await RedisServerProcess.StartAsync(new BenchOptions().RedisServerPath, ct);
        await using var connection = new RedisConnection(new StoreOptions { Redis = redis.ConnectionString, Workspace = "bench" }, null);
        var store = new RedisConversationStore(connection);
        var words = Vocabulary();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct },
            async (c, token) =>
            {
                var random = new Random(c);
                for (var m = 0; m < perConversation; m++)
                {
                    var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]));
                    if (m == 0)
                    {
                        text += $" order A-{10_000 + c}";
                    }

                    await store.IngestAsync(new InboundMessage
                    {
                        Channel = ChannelNames.Api,
                        Account = "default",
                        ExternalId = $"{c}-{m}",
                        Sender = new ContactIdentity(IdentityKinds.Api, "customer-" + c),
                        SenderName = $"Customer {c}",
                        ThreadKey = "thread-" + c,
                        Text = text,
                    }, DateTimeOffset.UtcNow, token);
                }
            });
        output.WriteLine(FormattableString.Invariant(
            $"ingested {conversations} conversations x {perConversation} messages in {clock.Elapsed.TotalSeconds:F1} s"));

        var options = Options.Create(new SearchOptions());
        using var index = new ConversationIndex(options);
        var indexer = new SearchIndexer(
            index, store, new RedisArticleStore(connection), options, NullLogger<SearchIndexer>.Instance);
        clock.Restart();
        await indexer.RebuildAsync(ct);
        var build = clock.Elapsed;

        var queryRandom = new Random(7);
        var latencies = new List<double>(Queries);
        var hits = 0L;
        for (var i = 0; i < Queries; i++)
        {
            var text = (i % 4) switch
            {
                0 => words[queryRandom.Next(words.Length)],
                1 => $"{words[queryRandom.Next(words.Length)]} {words[queryRandom.Next(words.Length)]}",
                2 => $"A-{10_000 + queryRandom.Next(conversations)}",
                _ => words[queryRandom.Next(words.Length)][..3] + "*",
            };
            clock.Restart();
            var query = new SearchQuery(SearchText.Parse(index.Analyzer, text), IncludeNotes: true);
            var (page, _) = index.Search(query.ToLucene(), null, 0, PageSize);
            var loaded = await Task.WhenAll(page.Select(h => store.GetConversationAsync(h.Id, ct)));
            hits += page.Zip(loaded).Count(p => p.Second is not null && SearchSnippet.Cut(index.Analyzer, query, p.First).Length > 0);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine(machine);
        output.WriteLine(FormattableString.Invariant(
            $"index: {index.Count} conversations built in {build.TotalSeconds:F1} s, {index.SizeInBytes() / 1024.0 / 1024.0:F1} MiB (in memory)"));
        output.WriteLine(FormattableString.Invariant(
            $"queries: {Queries} (one word, two words, order number, prefix; first page of {PageSize} with snippets), {hits} hits, p50 {latencies[Queries / 2]:F1} ms, p95 {latencies[Queries * 95 / 100]:F1} ms, max {latencies[^1]:F1} ms"));
        return 0;
    }

    // 2,000 made-up words of two or three syllables: a vocabulary with common and rare words, like real messages.
    private static string[] Vocabulary()
    {
        string[] syllables = ["ka", "lo", "mi", "ran", "te", "sol", "vu", "ne", "dor", "pi", "ga", "lem", "sa", "tor", "bi", "qua", "zel", "fo", "ru", "wen"];
        var random = new Random(42);
        return [.. Enumerable.Range(0, 2000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])))
            .Distinct()];
    }
}
