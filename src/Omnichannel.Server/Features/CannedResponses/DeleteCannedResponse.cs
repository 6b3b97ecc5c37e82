using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// <c>DELETE /api/canned-responses/{id}</c>: the owner's personal one, or a shared one by a lead or admin (an agent
/// hears 403); another agent's personal one is not found.
/// </summary>
public sealed record DeleteCannedResponse(string Id, Agent Agent) : IRequest<Outcome<CannedResponseDto>>;

public sealed class DeleteCannedResponseHandler(ICannedResponseStore responses)
    : IRequestHandler<DeleteCannedResponse, Outcome<CannedResponseDto>>
{
    public async ValueTask<Outcome<CannedResponseDto>> Handle(
        DeleteCannedResponse request, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(request.Id) || await responses.GetAsync(request.Id, cancellationToken) is not { } existing
            || !CannedResponseAccess.CanUse(request.Agent, existing))
        {
            return Outcome<CannedResponseDto>.NotFound;
        }

        if (!CannedResponseAccess.CanWrite(request.Agent, existing))
        {
            return Outcome<CannedResponseDto>.ForbiddenBecause("Only leads and admins delete shared canned responses.");
        }

        return await responses.DeleteAsync(existing, cancellationToken) == CannedResponseWrite.Done
            ? Outcome<CannedResponseDto>.Found(CannedResponseDto.From(existing))
            : Outcome<CannedResponseDto>.Conflict(
                "The canned response changed meanwhile.", "Someone else saved or deleted it: read it again and retry.");
    }
}
