namespace Omnichannel.Server.Auth;

/// <summary>Bound from <c>Omnichannel:Bootstrap</c>: the first admin, created only while no agent exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Omnichannel:Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    /// <summary>Empty values mean "not set"; both or neither must be given.</summary>
    internal bool IsValid =>
        string.IsNullOrEmpty(AdminEmail) == string.IsNullOrEmpty(AdminPassword)
        && (string.IsNullOrEmpty(AdminEmail) || Core.Rules.IdentityRules.LooksLikeEmail(AdminEmail.Trim()))
        && (string.IsNullOrEmpty(AdminPassword) || AdminPassword.Length >= AgentPasswords.MinimumLength);
}
