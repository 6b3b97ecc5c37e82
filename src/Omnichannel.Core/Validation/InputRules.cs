using Omnichannel.Core.Model;

namespace Omnichannel.Core.Validation;

/// <summary>
/// The one validator for what callers name and choose: ids that end up in Redis keys, enum values, sizes. Every
/// endpoint, hub method and channel mapper checks its input here before anything touches a key or a log line, and
/// a refusal is a 400 naming the field.
/// </summary>
public static class InputRules
{
    /// <summary>An address is at most 254 characters (RFC 5321's path limit); nothing longer can be an account.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>A queue, shift or site id chosen by a lead or admin (<see cref="Slugs"/>).</summary>
    public static IEnumerable<ValidationError> Slug(string field, string? value, bool required = true)
    {
        if (value is null)
        {
            return required ? [new(field, "is required.")] : [];
        }

        return Slugs.IsValid(value) ? [] : [new(field, Slugs.Rule)];
    }

    /// <summary>A list of slugs, each checked (an agent's queues).</summary>
    public static IEnumerable<ValidationError> SlugList(string field, IReadOnlyList<string>? values, int max)
    {
        if (values is null)
        {
            yield break;
        }

        if (values.Count == 0 || values.Count > max)
        {
            yield return new(field, $"must list 1 to {max} ids.");
            yield break;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!Slugs.IsValid(values[i]))
            {
                yield return new($"{field}[{i}]", Slugs.Rule);
            }
        }
    }

    /// <summary>An enum value the caller sent as a number or a name: only the named values exist.</summary>
    public static IEnumerable<ValidationError> Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v && !Enum.IsDefined(v)
            ? [new(field, $"must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.")]
            : [];
}
