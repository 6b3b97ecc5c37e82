using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Omnichannel.Server.Search;

/// <summary>
/// How text becomes terms, the same for indexing and querying: Unicode word breaks (UAX #29), lower case, and no stop
/// words, so <c>A-10023</c> is the terms <c>a</c>, <c>10023</c> side by side; <c>#10023</c> and <c>10023</c> are
/// <c>10023</c>. A query word that breaks into several terms is matched as a phrase, so <c>A-10023</c> finds
/// "A-10023" and "a 10023" but not "B-10023", and <c>10023</c> finds all three.
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>A new analyzer (Lucene analyzers are thread-safe; one per index is enough).</summary>
    public static Analyzer CreateAnalyzer() => new StandardAnalyzer(Version, CharArraySet.Empty);

    /// <summary>The terms of <paramref name="text"/>, each with where it starts and ends in the text.</summary>
    public static IReadOnlyList<(string Term, int Start, int End)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }
}
