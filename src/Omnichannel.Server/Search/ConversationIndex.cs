using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Omnichannel.Server.Search;

/// <summary>
/// This node's Lucene index of conversations: one document per conversation, replaced whole when it changes. Writes
/// come from <see cref="SearchIndexer"/> only; readers see them after <see cref="Refresh"/> (near-real-time, no
/// commit: the index is rebuilt from the store at every start, so nothing here needs to survive a crash).
/// </summary>
public sealed class ConversationIndex : IDisposable
{
    private static readonly Sort ByRelevanceThenRecency =
        new(SortField.FIELD_SCORE, new SortField(ConversationDocument.Activity, SortFieldType.INT64, true),
            new SortField(ConversationDocument.Id, SortFieldType.STRING));

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConversationIndex(IOptions<SearchOptions> options)
    {
        var folder = options.Value.IndexDirectory;
        _directory = string.IsNullOrWhiteSpace(folder) ? new RAMDirectory() : FSDirectory.Open(Path.GetFullPath(folder));
        Analyzer = SearchAnalysis.CreateAnalyzer();
        // CREATE: whatever a previous run left is discarded; the first build fills the index from the store.
        var config = new IndexWriterConfig(SearchAnalysis.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new NodeIndependentSimilarity(),
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new NodeIndependentSearcherFactory());
    }

    public Analyzer Analyzer { get; }

    /// <summary>The last event of the store's log the index reflects.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Completes when the first build from the store is done: searches wait for it.</summary>
    public Task Built => _built.Task;

    internal void MarkBuilt() => _built.TrySetResult();

    /// <summary>How many times the index was built from the store since this node started.</summary>
    public int Builds { get; private set; }

    internal void Clear() => _writer.DeleteAll();

    internal void MarkRebuilt() => Builds++;

    internal void Put(string conversationId, Document document) =>
        _writer.UpdateDocument(new Term(ConversationDocument.Id, conversationId), document);

    /// <summary>The article version (<c>IArticleStore.VersionAsync</c>) the index's articles are from; -1: none read.</summary>
    public long ArticleVersion { get; internal set; } = -1;

    internal void PutArticles(IEnumerable<Document> articles)
    {
        _writer.DeleteDocuments(new Term(ArticleDocument.Kind, ArticleDocument.ArticleKind));
        _writer.AddDocuments(articles);
    }

    internal void Remove(string conversationId) => _writer.DeleteDocuments(new Term(ConversationDocument.Id, conversationId));

    /// <summary>Makes the writes so far visible to searches.</summary>
    internal void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Documents in the index (after the last refresh).</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Bytes the index takes in its directory.</summary>
    public long SizeInBytes() => _directory.ListAll().Sum(file => _directory.FileLength(file));

    /// <summary>
    /// The hits ranked <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> (relevance, then
    /// most recent activity), and whether there are more after them.
    /// </summary>
    public (IReadOnlyList<IndexHit> Hits, bool More) Search(Query query, Filter? filter, int skip, int take)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, filter, skip + take, ByRelevanceThenRecency, doDocScores: false, doMaxScore: false);
            var hits = top.ScoreDocs.Skip(skip).Select(d => ToHit(searcher.Doc(d.Doc))).ToList();
            return (hits, top.TotalHits > skip + take);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static IndexHit ToHit(Document document) => new(
        document.Get(ConversationDocument.Id), document.Get(ConversationDocument.Subject),
        document.Get(ConversationDocument.ContactName), document.Get(ConversationDocument.Contact),
        document.Get(ConversationDocument.Body), document.Get(ConversationDocument.Notes));

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        Analyzer.Dispose();
        _directory.Dispose();
    }
}
