using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary><c>PUT /api/sites/{key}</c>; every field optional on update.</summary>
public sealed record SiteRequest(
    string? Title, string? Greeting, string? Color, string? Position, string? PreChatName, string? PreChatEmail,
    IReadOnlyList<string>? AllowedOrigins, string? Queue, string? HoursShiftId, string? OfflineMessage, bool? RotateSecret);

/// <summary>A site as admins see it (with the identity secret).</summary>
public sealed record SiteDto(
    string Key, string Title, string Greeting, string Color, string Position, string PreChatName, string PreChatEmail,
    IReadOnlyList<string> AllowedOrigins, string Queue, string? HoursShiftId, string OfflineMessage, string Secret,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What the widget may know about its site: no secret, no queue.</summary>
public sealed record PublicSiteDto(string Key, string Title, string Greeting, string Color, string Position, string PreChatName, string PreChatEmail);

/// <summary><c>POST /api/webchat/sessions</c>: start or continue a visitor's chat.</summary>
public sealed record SessionRequest(string? Site, string? VisitorToken, string? Name, string? Email, string? UserId, string? UserHash);

/// <summary>
/// The visitor's token (keep it in localStorage) and whether someone can answer now; when not,
/// <see cref="OfflineMessage"/> says when to expect an answer and the widget asks for an email.
/// </summary>
public sealed record SessionResponse(string VisitorToken, string VisitorId, string? ConversationId, bool AgentsAvailable, string? OfflineMessage, PublicSiteDto Site);

/// <summary>
/// A message as the visitor sees it: never private notes, never HTML. Files download from
/// <c>GET /api/webchat/attachments/{Id}/{attachment id}</c> with the visitor's token.
/// </summary>
public sealed record VisitorMessage(
    string Id, long Seq, string Direction, string Text, string? AuthorName, DateTimeOffset CreatedAt, string? ClientId,
    IReadOnlyList<AttachmentDto> Attachments);

/// <summary>The server's answer to <c>Send</c>: stored (or already stored: <see cref="Duplicate"/>).</summary>
public sealed record SendAck(string ClientId, string MessageId, string ConversationId, bool Duplicate);

public interface IVisitorClient
{
    Task Message(VisitorMessage message);

    Task Typing(bool agentTyping);
}
