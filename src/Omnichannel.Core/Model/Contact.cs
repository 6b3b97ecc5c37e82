namespace Omnichannel.Core.Model;

/// <summary>A way to reach a contact on one channel, e.g. (email, ana@example.com).</summary>
public sealed record ContactIdentity(string Kind, string Value)
{
    public override string ToString() => $"{Kind}:{Value}";
}

/// <summary>A customer, known by one or more identities across channels.</summary>
public sealed record Contact(
    string Id,
    string? Name,
    string? Email,
    IReadOnlyList<ContactIdentity> Identities,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
