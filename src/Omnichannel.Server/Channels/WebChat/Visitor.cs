namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Who a visitor is, carried in their token: the site, a visitor id, and — when the host site vouched for them or they
/// typed it — a user id, name and email. <see cref="ThreadKey"/> names their conversation: the same user on any device
/// continues one conversation; an anonymous visitor continues theirs in every tab of one browser.
/// </summary>
public sealed record Visitor(string Site, string VisitorId, string? UserId, string? Name, string? Email)
{
    public string ThreadKey => UserId is null ? "v:" + VisitorId : "u:" + UserId;

    /// <summary>The identity messages are stored under (one contact per user or per anonymous visitor).</summary>
    public string Identity => Site + "/" + ThreadKey;
}
