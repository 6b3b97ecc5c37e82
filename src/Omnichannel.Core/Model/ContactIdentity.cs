namespace Omnichannel.Core.Model;

/// <summary>A way to reach a contact on one channel, e.g. (email, ana@example.com).</summary>
public sealed record ContactIdentity(string Kind, string Value)
{
    public override string ToString() => $"{Kind}:{Value}";
}
