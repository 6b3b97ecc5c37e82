using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Shifts;

/// <summary><c>GET /api/shifts/{id}</c>: one shift, in the shape a <c>PUT</c> takes back.</summary>
public sealed record GetShift(string Id) : IRequest<Outcome<ShiftDto>>;

public sealed class GetShiftHandler(IShiftStore shifts, TimeProvider time) : IRequestHandler<GetShift, Outcome<ShiftDto>>
{
    public async ValueTask<Outcome<ShiftDto>> Handle(GetShift request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await shifts.GetAsync(request.Id, cancellationToken) is { } shift
            ? Outcome<ShiftDto>.Found(ShiftDto.From(shift, time.GetUtcNow()))
            : Outcome<ShiftDto>.NotFound;
}
