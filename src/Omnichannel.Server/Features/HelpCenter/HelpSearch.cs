using System.Globalization;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.HelpCenter;

/// <summary>
/// The help center's matching: every word of the query (cut at anything but letters and digits, ignoring case) must
/// be in the article's title or text; a word in the title counts more. Published articles are few enough to scan.
/// </summary>
public static class HelpSearch
{
    public const int MaxQueryLength = 200;

    public static IEnumerable<ValidationError> Validate(string? q) => TextRules.Optional("q", q, MaxQueryLength);

    public static IReadOnlyList<string> Words(string? q) =>
        q is null ? [] : [.. Split(q).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>0 when a word is missing; 1 for no words at all (everything matches).</summary>
    public static int Score(IReadOnlyList<string> words, string title, string text)
    {
        var score = 1;
        foreach (var word in words)
        {
            var inTitle = Contains(title, word);
            if (!inTitle && !Contains(text, word))
            {
                return 0;
            }

            score += inTitle ? 3 : 1;
        }

        return score;
    }

    /// <summary>The start of the text, cut at a word break, with <c>…</c> when cut.</summary>
    public static string Snippet(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        var end = cut > length / 2 ? cut : length;
        // Never end in half a surrogate pair.
        if (char.IsHighSurrogate(flat[end - 1]))
        {
            end--;
        }

        return flat[..end] + "…";
    }

    private static bool Contains(string text, string word) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase) >= 0;

    private static IEnumerable<string> Split(string q)
    {
        var start = -1;
        for (var i = 0; i <= q.Length; i++)
        {
            var inWord = i < q.Length && char.IsLetterOrDigit(q[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return q[start..i];
                start = -1;
            }
        }
    }
}
