using System.Security.Cryptography;

namespace Omnichannel.Core.Model;

/// <summary>Session ids: 160 random bits, as 40 lowercase hex digits.</summary>
public static class SessionIds
{
    public const int Length = 40;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>Session ids reach Redis keys and come back in URLs: accept exactly the shape we generate.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);
}
