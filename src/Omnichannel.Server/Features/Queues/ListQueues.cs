using Mediator;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Queues;

/// <summary><c>GET /api/queues</c>: every queue with its backlog.</summary>
public sealed record ListQueues : IRequest<IReadOnlyList<QueueDto>>;

public sealed class ListQueuesHandler(IQueueStore queues, IAssignmentStore assignments) : IRequestHandler<ListQueues, IReadOnlyList<QueueDto>>
{
    public async ValueTask<IReadOnlyList<QueueDto>> Handle(ListQueues request, CancellationToken cancellationToken)
    {
        var all = await queues.ListAsync(cancellationToken);
        var dtos = new List<QueueDto>(all.Count);
        foreach (var queue in all)
        {
            dtos.Add(QueueDto.From(queue, await assignments.ReadWaitingAsync(queue.Id, cancellationToken)));
        }

        return dtos;
    }
}
