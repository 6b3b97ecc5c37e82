namespace Omnichannel.Server.Auth;

/// <summary>Bound from <c>Omnichannel:DataProtection</c>.</summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "Omnichannel:DataProtection";

    /// <summary>
    /// A PFX (with its private key) the Data Protection keys in the store are encrypted to. Every node of a
    /// Redis deployment needs the same one. Empty: the embedded store's own certificate, or, on Redis, none.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
