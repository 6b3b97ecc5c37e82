namespace Omnichannel.Core.Model;

/// <summary>The channel names stored on conversations and messages; part of the public contract.</summary>
public static class ChannelNames
{
    public const string Api = "api";
    public const string Email = "email";
    public const string Telegram = "telegram";
    public const string WebChat = "webchat";
}
