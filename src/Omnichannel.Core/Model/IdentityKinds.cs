namespace Omnichannel.Core.Model;

/// <summary>Kinds of identity a contact can be reached by.</summary>
public static class IdentityKinds
{
    public const string Api = "api";
    public const string Email = "email";
    public const string Telegram = "telegram";
    public const string WebVisitor = "webchat";
}
