namespace Omnichannel.Core.Model;

/// <summary>An integration credential. Only a hash of the secret is stored.</summary>
public sealed record ApiToken(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt);
