using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace Omnichannel.Server.Search;

/// <summary>One part of a query: the terms of a word or a quoted phrase, and whether its last term is a prefix.</summary>
public sealed record SearchPart(IReadOnlyList<string> Terms, bool Prefix);

/// <summary>
/// The query syntax: words, all of which must match (in any field); <c>"a quoted phrase"</c>, matched word for word;
/// a single word ending in <c>*</c> (at least two characters before it) matches as a prefix. Everything else is text:
/// no field names, operators or wildcards inside words, so no input is a syntax error.
/// </summary>
public static partial class SearchText
{
    public const int MinPrefixLength = 2;

    public static IReadOnlyList<SearchPart> Parse(Analyzer analyzer, string text)
    {
        var parts = new List<SearchPart>();
        foreach (Match match in Pieces().Matches(text))
        {
            var phrase = match.Groups[1].Success;
            var raw = phrase ? match.Groups[1].Value : match.Groups[2].Value;
            var prefix = !phrase && raw.EndsWith('*');
            var terms = SearchAnalysis.Terms(analyzer, ConversationDocument.Body, raw.TrimEnd('*')).Select(t => t.Term).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            // Only a single word is a prefix (a phrase is matched word for word); a prefix of one character would
            // match half the index, so it is taken as the word itself.
            parts.Add(new SearchPart(terms, prefix && terms.Count == 1 && terms[0].Length >= MinPrefixLength));
        }

        return parts;
    }

    [GeneratedRegex("\"([^\"]*)\"?|(\\S+)")]
    private static partial Regex Pieces();
}
