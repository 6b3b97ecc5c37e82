namespace Omnichannel.Server.Auth;

public static class InboxSchemes
{
    public const string Selector = "Inbox";
    public const string Cookie = "InboxCookie";
    public const string ApiToken = "ApiToken";
}
