namespace Omnichannel.Core.Ports;

/// <summary>
/// A website that embeds the web chat widget. <see cref="Secret"/> signs host-side identities
/// (<c>data-user-hash</c> = HMAC-SHA256(user id, secret)) and is shown to admins only.
/// </summary>
public sealed record Site(
    string Key,
    string Title,
    string Greeting,
    string Color,
    string Position,
    string PreChatName,
    string PreChatEmail,
    IReadOnlyList<string> AllowedOrigins,
    string Queue,
    string? HoursShiftId,
    string OfflineMessage,
    string Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
