namespace Omnichannel.Redis.Checking;

/// <summary>
/// One broken invariant: <paramref name="Kind"/> names the rule (docs/operations.md lists them),
/// <paramref name="Key"/> the key (without the workspace prefix) where it shows, <paramref name="Detail"/> what is
/// wrong.
/// </summary>
public sealed record StoreFinding(string Kind, string Key, string Detail)
{
    public override string ToString() => $"{Kind} {Key}: {Detail}";
}
