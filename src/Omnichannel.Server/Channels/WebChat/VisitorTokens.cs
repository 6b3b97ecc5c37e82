using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Visitor tokens: the <see cref="Visitor"/> as JSON, protected with Data Protection (keys shared by every node through
/// Redis). A token cannot be forged or altered, so a visitor only ever reaches their own conversation.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Omnichannel.WebChat.Visitor.v1");

    public string Issue(Visitor visitor) => _protector.Protect(JsonSerializer.Serialize(visitor));

    public bool TryRead(string? token, [NotNullWhen(true)] out Visitor? visitor)
    {
        visitor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return false;
        }

        try
        {
            visitor = JsonSerializer.Deserialize<Visitor>(_protector.Unprotect(token));
            return visitor is not null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Host-side identity check: <c>data-user-hash</c> must be HMAC-SHA256(user id, site secret) in hex.</summary>
    public static bool VerifyUser(string userId, string? userHash, string secret)
    {
        if (string.IsNullOrEmpty(userHash))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));
        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(userHash));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
