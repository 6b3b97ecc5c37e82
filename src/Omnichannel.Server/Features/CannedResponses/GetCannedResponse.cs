using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// <c>GET /api/canned-responses/{id}</c>: one the caller may use; another agent's personal one is not found.
/// </summary>
public sealed record GetCannedResponse(string Id, Agent Agent) : IRequest<Outcome<CannedResponseDto>>;

public sealed class GetCannedResponseHandler(ICannedResponseStore responses)
    : IRequestHandler<GetCannedResponse, Outcome<CannedResponseDto>>
{
    public async ValueTask<Outcome<CannedResponseDto>> Handle(
        GetCannedResponse request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await responses.GetAsync(request.Id, cancellationToken) is { } response
            && CannedResponseAccess.CanUse(request.Agent, response)
            ? Outcome<CannedResponseDto>.Found(CannedResponseDto.From(response))
            : Outcome<CannedResponseDto>.NotFound;
}
