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

public interface ISiteStore
{
    Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default);

    Task<Site?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces; with <paramref name="createOnly"/> an existing site is kept and false returned.</summary>
    Task<bool> SaveAsync(Site site, bool createOnly, CancellationToken cancellationToken = default);
}
