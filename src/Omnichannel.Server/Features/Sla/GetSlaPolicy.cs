using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Sla;

/// <summary><c>GET /api/sla-policies/{id}</c>: one policy, in the shape a <c>PUT</c> takes back.</summary>
public sealed record GetSlaPolicy(string Id) : IRequest<Outcome<SlaPolicyDto>>;

public sealed class GetSlaPolicyHandler(ISlaPolicyStore policies) : IRequestHandler<GetSlaPolicy, Outcome<SlaPolicyDto>>
{
    public async ValueTask<Outcome<SlaPolicyDto>> Handle(GetSlaPolicy request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await policies.GetAsync(request.Id, cancellationToken) is { } policy
            ? Outcome<SlaPolicyDto>.Found(SlaPolicyDto.From(policy))
            : Outcome<SlaPolicyDto>.NotFound;
}
