using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Tokens;

/// <summary><c>DELETE /api/tokens/{id}</c>: the token stops working everywhere at once.</summary>
public sealed record DeleteToken(string Id) : IRequest<Outcome<string>>;

public sealed class DeleteTokenHandler(IApiTokenStore tokens, IPublisher publisher) : IRequestHandler<DeleteToken, Outcome<string>>
{
    public async ValueTask<Outcome<string>> Handle(DeleteToken request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.Id) || !await tokens.DeleteAsync(request.Id, cancellationToken))
        {
            return Outcome<string>.NotFound;
        }

        // REST refuses the token from the next request; its open hub connections are closed now, on every node.
        await publisher.Publish(new AccessChanged(PrincipalKind.Integration, request.Id), cancellationToken);
        return Outcome<string>.Found(request.Id);
    }
}
