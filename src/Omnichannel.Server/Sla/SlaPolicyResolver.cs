using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Sla;

/// <summary>
/// The policy a queue names, read once per keeper round (<see cref="Forget"/> starts a round): a round applies many
/// events of few queues. Used by the keeper only, which runs one round at a time.
/// </summary>
public sealed class SlaPolicyResolver(IQueueStore queues, ISlaPolicyStore policies)
{
    private readonly Dictionary<string, SlaPolicy?> _byQueue = new(StringComparer.Ordinal);

    public void Forget() => _byQueue.Clear();

    public async ValueTask<SlaPolicy?> ForQueueAsync(string queueId, CancellationToken ct)
    {
        if (!_byQueue.TryGetValue(queueId, out var policy))
        {
            var queue = await queues.GetAsync(queueId, ct);
            policy = queue?.SlaPolicy is { } policyId ? await policies.GetAsync(policyId, ct) : null;
            _byQueue[queueId] = policy;
        }

        return policy;
    }
}
