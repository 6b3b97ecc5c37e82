using System.Security.Cryptography;

namespace Omnichannel.Core.Model;

/// <summary>
/// One signed-in browser of an agent. The cookie carries only <see cref="Id"/>; the record in the store is what
/// makes the cookie valid, so deleting it ends the session on every node at once.
/// </summary>
public sealed record AgentSession(
    string Id, string AgentId, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

/// <summary>Session ids: 160 random bits, as 40 lowercase hex digits.</summary>
public static class SessionIds
{
    public const int Length = 40;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>Session ids reach Redis keys and come back in URLs: accept exactly the shape we generate.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);
}
