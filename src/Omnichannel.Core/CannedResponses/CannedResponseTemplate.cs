using System.Text.RegularExpressions;

namespace Omnichannel.Core.CannedResponses;

/// <summary>
/// Fills a canned response's variables in (<see cref="CannedResponseVariables"/>). A variable it knows but has no value
/// for (a contact without a name) becomes empty; one it does not know stays as typed, so a typo shows in the reply box
/// instead of vanishing. Values are inserted as they are: the text is plain, never markup, and nothing inserted is read
/// again as a variable.
/// </summary>
public static partial class CannedResponseTemplate
{
    public static string Render(string text, IReadOnlyDictionary<string, string?> values) =>
        Variable().Replace(text, match => values.TryGetValue(match.Groups["name"].Value, out var value)
            ? value ?? string.Empty
            : match.Value);

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z]+\.[a-z]+)\s*\}\}")]
    private static partial Regex Variable();
}
