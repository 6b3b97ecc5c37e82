using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Features.Sla;

/// <summary><c>DELETE /api/sla-policies/{id}</c>.</summary>
public sealed record DeleteSlaPolicy(string Id, string? ActorId) : IRequest<Outcome<SlaPolicy>>;

public sealed class DeleteSlaPolicyHandler(ISlaPolicyStore policies) : IRequestHandler<DeleteSlaPolicy, Outcome<SlaPolicy>>
{
    public async ValueTask<Outcome<SlaPolicy>> Handle(DeleteSlaPolicy request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await policies.DeleteAsync(request.Id, cancellationToken) is { } removed
            ? Outcome<SlaPolicy>.Found(removed)
            : Outcome<SlaPolicy>.NotFound;
}
