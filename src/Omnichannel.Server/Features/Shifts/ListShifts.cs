using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Shifts;

/// <summary><c>GET /api/shifts</c>: every shift, with whether it is on now.</summary>
public sealed record ListShifts : IRequest<IReadOnlyList<ShiftDto>>;

public sealed class ListShiftsHandler(IShiftStore shifts, TimeProvider time) : IRequestHandler<ListShifts, IReadOnlyList<ShiftDto>>
{
    public async ValueTask<IReadOnlyList<ShiftDto>> Handle(ListShifts request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await shifts.ListAsync(cancellationToken)).Select(s => ShiftDto.From(s, now))];
    }
}
