using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using Omnichannel.Server.Hosting;

namespace Omnichannel.Server.Auth;

/// <summary>
/// The certificate Data Protection keys are encrypted to (docs/security.md): the configured one; else, on the
/// embedded store, the one in its data folder (made on first start); else none, and the keys go into Redis as they
/// are, which is logged as a warning. Chosen while services are registered, as Data Protection takes the
/// certificates that decrypt keys only then; what it logged is written out once logging runs (<see cref="Replay"/>).
/// </summary>
internal sealed class KeyEncryptionCertificate
{
    private readonly DeferredLog _log = new();

    private KeyEncryptionCertificate(IConfiguration configuration)
    {
        var configured = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new();
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!string.IsNullOrWhiteSpace(configured.CertificatePath))
        {
            Certificate = Load(Path.GetFullPath(configured.CertificatePath), configured.CertificatePassword);
            _log.LogInformation("Data Protection keys are encrypted to the certificate {Thumbprint} from {Path}",
                Certificate.Thumbprint, Path.GetFullPath(configured.CertificatePath));
        }
        else if (!string.IsNullOrEmpty(configured.CertificatePassword))
        {
            throw new InvalidOperationException(
                $"{KeyEncryptionOptions.Section}:CertificatePassword is set without a CertificatePath.");
        }
        else if (string.IsNullOrWhiteSpace(store.Redis))
        {
            // The same folder the embedded store resolves (RedisStoreRegistration): relative to the working directory.
            var directory = Path.GetFullPath(store.DataDirectory);
            Certificate = EmbeddedStoreSecrets.KeyEncryptionCertificate(directory, _log);
            _log.LogInformation("Data Protection keys are encrypted to the certificate {Thumbprint} in {Directory}",
                Certificate.Thumbprint, directory);
        }
        else
        {
            _log.LogWarning("Data Protection keys are stored in Redis unencrypted: whoever can read the store can "
                + "forge sign-in cookies and visitor tokens. Set {Section}:CertificatePath to encrypt them.",
                KeyEncryptionOptions.Section);
        }
    }

    public X509Certificate2? Certificate { get; }

    public static KeyEncryptionCertificate Choose(IConfiguration configuration) => new(configuration);

    /// <summary>Writes what was logged while services were registered, before logging existed.</summary>
    public void Replay(ILogger logger) => _log.Replay(logger);

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{KeyEncryptionOptions.Section}:CertificatePath {path} could not be read: {ex.Message}", ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        return key is not null
            ? certificate
            : throw new InvalidOperationException(
                $"{KeyEncryptionOptions.Section}:CertificatePath {path} needs an RSA certificate and its private key.");
    }
}
