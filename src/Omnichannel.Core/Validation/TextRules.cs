using System.Text;

namespace Omnichannel.Core.Validation;

/// <summary>Checks shared by every request that carries text from outside.</summary>
public static class TextRules
{
    public const int MaxMessageLength = 100_000;
    public const int MaxNameLength = 200;
    public const int MaxIdentifierLength = 512;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lone surrogates cannot be encoded as UTF-8 and would corrupt what Redis stores.</summary>
    public static bool IsWellFormedUnicode(string text)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Control characters other than line breaks and tabs.</summary>
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    public static IEnumerable<ValidationError> Required(string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new(field, "is required.");
            yield break;
        }

        foreach (var error in Optional(field, value, maxLength, multiline))
        {
            yield return error;
        }
    }

    public static IEnumerable<ValidationError> Optional(string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            yield break;
        }

        if (value.Length > maxLength)
        {
            yield return new(field, $"must be at most {maxLength} characters.");
        }
        else if (!IsWellFormedUnicode(value))
        {
            yield return new(field, "is not valid Unicode text.");
        }
        // A single-line value may end up in a header, a log line or a Redis key: a line break there is an injection.
        // Text keeps its line breaks and tabs, nothing else: an escape sequence means something to a terminal.
        else if (multiline ? HasControlCharacters(value) : value.Any(char.IsControl))
        {
            yield return new(field, "contains control characters.");
        }
    }
}
