using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Server.Features.Shifts;

/// <summary><c>DELETE /api/shifts/{id}</c>: its members' schedules lose it at once.</summary>
public sealed record DeleteShift(string Id, string? ActorId) : IRequest<Outcome<Shift>>;

public sealed class DeleteShiftHandler(IShiftStore shifts, IPublisher publisher) : IRequestHandler<DeleteShift, Outcome<Shift>>
{
    public async ValueTask<Outcome<Shift>> Handle(DeleteShift request, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(request.Id) || await shifts.DeleteAsync(request.Id, cancellationToken) is not { } removed)
        {
            return Outcome<Shift>.NotFound;
        }

        await ShiftChanges.PublishAsync(publisher, removed.Members, request.ActorId);
        return Outcome<Shift>.Found(removed);
    }
}
