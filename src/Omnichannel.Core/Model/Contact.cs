namespace Omnichannel.Core.Model;

/// <summary>A customer, known by one or more identities across channels.</summary>
public sealed record Contact(
    string Id,
    string? Name,
    string? Email,
    IReadOnlyList<ContactIdentity> Identities,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Identities the contact only claimed (typed into an anonymous channel), not yet verified.</summary>
    public IReadOnlyList<ContactIdentity> Claimed { get; init; } = [];

    /// <summary>True when <see cref="Email"/> is only claimed: nobody verified that this person reads it.</summary>
    public bool EmailClaimed { get; init; }

    /// <summary>Set on a contact an agent merged into another: everything of it now belongs to that one.</summary>
    public string? MergedInto { get; init; }
}
