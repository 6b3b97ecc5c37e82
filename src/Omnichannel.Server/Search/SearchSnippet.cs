using System.Text;
using Lucene.Net.Analysis;

namespace Omnichannel.Server.Search;

/// <summary>
/// A short plain-text excerpt around the first word of a hit that matches the query, from the first field that has
/// one (messages, then notes when they were searched, subject, contact). Plain text: the web app shows it as text.
/// </summary>
public static class SearchSnippet
{
    public const int Before = 60;
    public const int Length = 180;

    public static string Cut(Analyzer analyzer, SearchQuery query, IndexHit hit)
    {
        var candidates = new List<(string Field, string? Text)> { (ConversationDocument.Body, hit.Body) };
        if (query.IncludeNotes)
        {
            candidates.Add((ConversationDocument.Notes, hit.Notes));
        }

        candidates.Add((ConversationDocument.Subject, hit.Subject));
        candidates.Add((ConversationDocument.Contact, hit.Contact));
        foreach (var (field, text) in candidates)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var (term, start, _) in SearchAnalysis.Terms(analyzer, field, text))
            {
                if (Matches(query, term))
                {
                    return Around(text, start);
                }
            }
        }

        return Around(hit.Body ?? "", 0);
    }

    private static bool Matches(SearchQuery query, string term) => query.Parts.Any(part => part.Prefix
        ? term.StartsWith(part.Terms[0], StringComparison.Ordinal)
        : part.Terms.Contains(term, StringComparer.Ordinal));

    // The excerpt starts at a word boundary before the hit and ends at one after it; "…" marks cut ends.
    private static string Around(string text, int hit)
    {
        var start = Math.Max(0, hit - Before);
        while (start > 0 && start < hit && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        var end = Math.Min(text.Length, start + Length);
        while (end < text.Length && end > hit && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        if (end <= hit)
        {
            end = Math.Min(text.Length, start + Length);
        }

        // Never half a character outside the Basic Multilingual Plane (an emoji cut in two is not valid text).
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        var excerpt = new StringBuilder();
        if (start > 0)
        {
            excerpt.Append('…');
        }

        excerpt.Append(text.AsSpan(start, end - start).ToString().Replace('\n', ' ').Trim());
        if (end < text.Length)
        {
            excerpt.Append('…');
        }

        return excerpt.ToString();
    }
}
