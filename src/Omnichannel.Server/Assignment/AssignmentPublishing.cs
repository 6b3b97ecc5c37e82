using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Assignment;

internal static class AssignmentPublishing
{
    /// <summary>Tells listeners (metrics, the agent hub) about assignments a store script made.</summary>
    public static async Task PublishAsync(this IPublisher publisher, IReadOnlyList<AssignmentChange> changes, string? actorId, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            if (change.EventSequence > 0)
            {
                await publisher.Publish(new ConversationAssigned(change.ConversationId, change.From, change.To, change.Reason, actorId, change.EventSequence), cancellationToken);
            }
        }
    }
}
