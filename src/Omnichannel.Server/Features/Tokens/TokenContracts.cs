namespace Omnichannel.Server.Features.Tokens;

public sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>The token itself is shown once, at creation; afterwards only its id and metadata.</summary>
public sealed record CreatedTokenDto(string Id, string Token);

public sealed record TokenDto(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
