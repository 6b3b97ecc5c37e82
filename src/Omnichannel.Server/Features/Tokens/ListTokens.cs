using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Tokens;

/// <summary><c>GET /api/tokens</c>: every token's id and metadata, never the secret.</summary>
public sealed record ListTokens : IRequest<IReadOnlyList<TokenDto>>;

public sealed class ListTokensHandler(IApiTokenStore tokens) : IRequestHandler<ListTokens, IReadOnlyList<TokenDto>>
{
    public async ValueTask<IReadOnlyList<TokenDto>> Handle(ListTokens request, CancellationToken cancellationToken) =>
        [.. (await tokens.ListAsync(cancellationToken)).Select(t => new TokenDto(t.Id, t.Name, t.Scopes, t.CreatedAt))];
}
