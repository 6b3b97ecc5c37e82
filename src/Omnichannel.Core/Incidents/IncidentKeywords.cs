namespace Omnichannel.Core.Incidents;

/// <summary>
/// The suggestion rule (docs/sla.md, "Incidents"): an open incident is suggested for a conversation when a keyword of
/// its title (a lowercased word of three letters or more, not a stop word) is a word of one of the conversation's
/// recent customer messages, written no more than <see cref="Window"/> after the incident was created (or before it:
/// customers often write first).
/// </summary>
public static class IncidentKeywords
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private static readonly HashSet<string> StopWords = new(
    [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one", "our", "out", "has",
        "have", "had", "with", "this", "that", "from", "they", "will", "would", "there", "their", "what", "when",
        "which", "who", "into", "some", "than", "then", "them", "these", "been", "being", "does", "did", "doing",
        "issue", "issues", "problem", "problems", "down", "error", "errors", "please", "help", "hello", "thanks",
    ], StringComparer.Ordinal);

    /// <summary>The title's keywords, each once.</summary>
    public static IReadOnlySet<string> Of(string title) =>
        Words(title).Where(w => w.Length >= 3 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The keywords of <paramref name="keywords"/> found in a message written at <paramref name="messageAt"/>.</summary>
    public static IReadOnlyList<string> Matches(
        IReadOnlySet<string> keywords, DateTimeOffset incidentCreatedAt, string messageText, DateTimeOffset messageAt) =>
        messageAt - incidentCreatedAt > Window
            ? []
            : [.. Words(messageText).Distinct(StringComparer.Ordinal).Where(keywords.Contains)];

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
