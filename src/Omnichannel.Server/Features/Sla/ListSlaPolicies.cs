using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Sla;

/// <summary><c>GET /api/sla-policies</c>: every policy, by name.</summary>
public sealed record ListSlaPolicies : IRequest<IReadOnlyList<SlaPolicyDto>>;

public sealed class ListSlaPoliciesHandler(ISlaPolicyStore policies) : IRequestHandler<ListSlaPolicies, IReadOnlyList<SlaPolicyDto>>
{
    public async ValueTask<IReadOnlyList<SlaPolicyDto>> Handle(ListSlaPolicies request, CancellationToken cancellationToken) =>
        [.. (await policies.ListAsync(cancellationToken)).Select(SlaPolicyDto.From)];
}
