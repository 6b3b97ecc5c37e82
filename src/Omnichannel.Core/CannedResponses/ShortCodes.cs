using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Omnichannel.Core.CannedResponses;

/// <summary>
/// A canned response's short code, typed after <c>/</c> in the reply box: 1 to 32 ASCII letters, digits, '-' or '_'
/// (never a ':' or a space, so it is one word in the reply box and safe inside a store key's field).
/// </summary>
public static partial class ShortCodes
{
    public const int MaxLength = 32;

    public const string Rule = "must be 1 to 32 letters, digits, '-' or '_'.";

    // \z, not $: "$" would also accept a trailing newline.
    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>The form two codes are compared in: they are the same code when they differ only in case.</summary>
    public static string Normalize(string shortCode) => shortCode.ToLowerInvariant();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}\z")]
    private static partial Regex Pattern();
}
