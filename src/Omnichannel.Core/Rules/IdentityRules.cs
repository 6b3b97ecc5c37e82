using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Rules;

/// <summary>One person, one identity: the same address typed two ways must land on the same contact.</summary>
public static class IdentityRules
{
    public static ContactIdentity Normalize(ContactIdentity identity)
    {
        var kind = identity.Kind.Trim().ToLowerInvariant();
        var value = identity.Value.Trim();
        if (kind == IdentityKinds.Email)
        {
            value = value.ToLowerInvariant();
        }

        return new ContactIdentity(kind, value);
    }

    public static IEnumerable<ValidationError> Validate(string field, ContactIdentity identity)
    {
        if (string.IsNullOrWhiteSpace(identity.Kind) || !identity.Kind.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            yield return new(field + ".kind", "must be a lowercase identity kind.");
        }

        foreach (var error in TextRules.Required(field, identity.Value, TextRules.MaxIdentifierLength))
        {
            yield return error;
        }

        // Judge the address as Normalize will store it: padding around a valid address is not an error.
        if (identity.Kind == IdentityKinds.Email && !LooksLikeEmail(identity.Value.Trim()))
        {
            yield return new(field, "is not an email address.");
        }
    }

    /// <summary>One @ with something on each side, no spaces or control characters, at most 254 characters.</summary>
    public static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= InputRules.MaxEmailLength && at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
