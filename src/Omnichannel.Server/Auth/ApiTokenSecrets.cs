using System.Security.Cryptography;
using System.Text;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Tokens look like <c>oc_{id}_{64 hex chars}</c>. The id finds the record; only a SHA-256 of the secret is
/// stored. A fast hash is right here: the secret is 256 random bits, so there is nothing to brute-force.
/// </summary>
public static class ApiTokenSecrets
{
    private const string Prefix = "oc_";

    public static (string Id, string Token, string SecretHash) Create()
    {
        var id = Ids.New();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = token[Prefix.Length..].Split('_');
        if (parts.Length != 2 || !Ids.IsWellFormed(parts[0]) || parts[1].Length != 64)
        {
            return false;
        }

        (id, secret) = (parts[0], parts[1]);
        return true;
    }

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
