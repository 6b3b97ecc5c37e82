using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Features.Sla;

/// <summary><c>DELETE /api/sla-policies/{id}</c>: refused (409) while a queue names the policy.</summary>
public sealed record DeleteSlaPolicy(string Id) : IRequest<Outcome<SlaPolicy>>;

public sealed class DeleteSlaPolicyHandler(ISlaPolicyStore policies, IQueueStore queues) : IRequestHandler<DeleteSlaPolicy, Outcome<SlaPolicy>>
{
    public async ValueTask<Outcome<SlaPolicy>> Handle(DeleteSlaPolicy request, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(request.Id))
        {
            return Outcome<SlaPolicy>.NotFound;
        }

        var users = (await queues.ListAsync(cancellationToken)).Where(q => q.SlaPolicy == request.Id).Select(q => q.Id).ToList();
        if (users.Count > 0)
        {
            return Outcome<SlaPolicy>.Conflict(
                "The SLA policy is in use.", $"Queues {string.Join(", ", users)} name it: give them another policy or none first.");
        }

        return await policies.DeleteAsync(request.Id, cancellationToken) is { } removed
            ? Outcome<SlaPolicy>.Found(removed)
            : Outcome<SlaPolicy>.NotFound;
    }
}
