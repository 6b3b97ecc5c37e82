using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Omnichannel.Core.Model;

/// <summary>
/// Ids a lead or admin chooses (queues, shifts, web chat sites): 1 to 64 lower-case letters, digits, '-' or '_',
/// starting with a letter or digit. Safe in URLs and Redis keys (never a ':').
/// </summary>
public static partial class Slugs
{
    public const string Rule = "must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit.";

    // \z, not $: "$" would also accept a trailing newline.
    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,63}\z")]
    private static partial Regex Pattern();
}
