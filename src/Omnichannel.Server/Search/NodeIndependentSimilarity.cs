using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Omnichannel.Server.Search;

/// <summary>
/// Lucene's classic scoring without inverse document frequency: a hit's score depends only on the document (how often
/// the words occur, how long the field is, which field) and not on the rest of the index, whose statistics differ
/// between nodes with the history of their segments (replaced documents linger as deletions until a merge). So every
/// node ranks the same hits the same way.
/// </summary>
public sealed class NodeIndependentSimilarity : DefaultSimilarity
{
    public override float Idf(long docFreq, long numDocs) => 1f;
}

/// <summary>Searchers that score with <see cref="NodeIndependentSimilarity"/>, as the index was written.</summary>
internal sealed class NodeIndependentSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(Lucene.Net.Index.IndexReader reader) =>
        new(reader) { Similarity = new NodeIndependentSimilarity() };
}
