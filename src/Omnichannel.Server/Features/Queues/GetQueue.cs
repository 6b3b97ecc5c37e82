using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Queues;

/// <summary><c>GET /api/queues/{id}</c>: one queue's settings and backlog.</summary>
public sealed record GetQueue(string Id) : IRequest<Outcome<QueueDto>>;

public sealed class GetQueueHandler(IQueueStore queues, IAssignmentStore assignments) : IRequestHandler<GetQueue, Outcome<QueueDto>>
{
    public async ValueTask<Outcome<QueueDto>> Handle(GetQueue request, CancellationToken cancellationToken) =>
        Slugs.IsValid(request.Id) && await queues.GetAsync(request.Id, cancellationToken) is { } queue
            ? Outcome<QueueDto>.Found(QueueDto.From(queue, await assignments.ReadWaitingAsync(request.Id, cancellationToken)))
            : Outcome<QueueDto>.NotFound;
}
