using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// The secrets the embedded store keeps in its data folder (docs/security.md), each made on first use and
/// mode 0600 in a 0700 folder: <c>store.password</c>, the password Garnet requires of every connection, and
/// <c>dataprotection-keys.pfx</c>, the certificate the Data Protection keys in the store are encrypted to.
/// </summary>
public static class EmbeddedStoreSecrets
{
    public const string PasswordFileName = "store.password";
    public const string CertificateFileName = "dataprotection-keys.pfx";

    // 256 bits, base64url: no character a StackExchange.Redis connection string would read as a separator.
    private const int PasswordBytes = 32;

    /// <summary>The store's password, made on the first start of a folder that has none.</summary>
    public static string Password(string dataDirectory, ILogger logger)
    {
        PrivateFiles.EnsureFolder(dataDirectory, logger);
        var bytes = PrivateFiles.ReadOrCreate(Path.Combine(dataDirectory, PasswordFileName),
            NewPassword, logger, out var created);
        if (created)
        {
            logger.LogInformation("Made a password for the embedded store in {Path}",
                Path.Combine(dataDirectory, PasswordFileName));
        }

        return Parse(bytes, dataDirectory);
    }

    /// <summary>The password of a folder's store, for a tool that connects to it; null when it has none yet.</summary>
    public static string? ReadPassword(string dataDirectory) =>
        PrivateFiles.ReadIfExists(Path.Combine(dataDirectory, PasswordFileName)) is { } bytes
            ? Parse(bytes, dataDirectory)
            : null;

    /// <summary>
    /// The key-encryption certificate (self-signed RSA 3072 with its private key), made on first use. Losing it
    /// makes the keys in the store unreadable: every agent signs in again and web chat visitors start over.
    /// </summary>
    public static X509Certificate2 KeyEncryptionCertificate(string dataDirectory, ILogger logger)
    {
        PrivateFiles.EnsureFolder(dataDirectory, logger);
        var path = Path.Combine(dataDirectory, CertificateFileName);
        var bytes = PrivateFiles.ReadOrCreate(path, NewCertificate, logger, out var created);
        if (created)
        {
            logger.LogInformation("Made the certificate that encrypts the Data Protection keys: {Path}", path);
        }

        // The PFX has no password: the file mode guards it, and a password beside it would guard nothing more.
        return X509CertificateLoader.LoadPkcs12(bytes, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static byte[] NewPassword() =>
        Encoding.ASCII.GetBytes(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(PasswordBytes)));

    private static byte[] NewCertificate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Omnichannel Data Protection key encryption", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        // Data Protection does not check the expiry when it decrypts; a long life avoids a date that looks like one.
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    private static string Parse(byte[] bytes, string dataDirectory)
    {
        var password = Encoding.ASCII.GetString(bytes).Trim();
        return password.Length >= 22 && password.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? password
            : throw new InvalidOperationException(
                $"{Path.Combine(dataDirectory, PasswordFileName)} does not hold a store password; "
                + "delete it to have a new one made at the next start.");
    }
}
