using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Omnichannel.Server.Search;

/// <summary>What to look for and where: the parsed text, the filters, and whether private notes may match.</summary>
public sealed record SearchQuery(
    IReadOnlyList<SearchPart> Parts,
    bool IncludeNotes,
    string? Status = null,
    string? Channel = null,
    string? Queue = null,
    string? Assignee = null,
    string? Label = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    // A word in the subject or the contact weighs more than one somewhere in the messages.
    private static readonly (string Field, float Boost)[] TextFields =
        [(ConversationDocument.Subject, 2f), (ConversationDocument.Contact, 2f), (ConversationDocument.Body, 1f)];

    /// <summary>The fields this query's text is looked for in (notes only for agents: integrations never see them).</summary>
    public IEnumerable<(string Field, float Boost)> Fields =>
        IncludeNotes ? [.. TextFields, (ConversationDocument.Notes, 1f)] : TextFields;

    /// <summary>Every part must match, each in any of the fields.</summary>
    public Query ToLucene()
    {
        var all = new BooleanQuery();
        foreach (var part in Parts)
        {
            var any = new BooleanQuery();
            foreach (var (field, boost) in Fields)
            {
                var query = PartQuery(field, part);
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all;
    }

    /// <summary>The filters as a Lucene filter (they narrow the hits without changing their rank); null without any.</summary>
    public Filter? ToFilter()
    {
        var filter = new BooleanQuery();
        foreach (var (field, value) in new[]
        {
            (ConversationDocument.Status, Status), (ConversationDocument.Channel, Channel), (ConversationDocument.Queue, Queue),
            (ConversationDocument.Assignee, Assignee), (ConversationDocument.Label, Label),
        })
        {
            if (value is not null)
            {
                filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
            }
        }

        if (From is not null || To is not null)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(ConversationDocument.ActivityRange,
                From?.ToUnixTimeMilliseconds(), To?.ToUnixTimeMilliseconds(), true, false), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static Query PartQuery(string field, SearchPart part)
    {
        if (part.Terms.Count == 1)
        {
            var term = new Term(field, part.Terms[0]);
            return part.Prefix ? new PrefixQuery(term) : new TermQuery(term);
        }

        var phrase = new PhraseQuery();
        foreach (var term in part.Terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }
}
