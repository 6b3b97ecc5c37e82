using Mediator;
using Omnichannel.Core.Events;

namespace Omnichannel.Server.Features.Shifts;

/// <summary>Tells assignment which agents' schedules a shift change touched.</summary>
internal static class ShiftChanges
{
    public static async Task PublishAsync(IPublisher publisher, IEnumerable<string> agentIds, string? actorId)
    {
        // The change is stored: tell assignment even if the caller has gone, or the schedules would lag the store.
        var changed = new ShiftsChanged([.. agentIds.Distinct(StringComparer.Ordinal)], actorId);
        await publisher.Publish(changed, CancellationToken.None);
    }
}
