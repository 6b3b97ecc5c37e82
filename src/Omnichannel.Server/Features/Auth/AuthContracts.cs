namespace Omnichannel.Server.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>One of the caller's signed-in sessions; <see cref="Current"/> marks the one this request came in on.</summary>
public sealed record SessionDto(
    string Id, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
