using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Assignment;

/// <summary>
/// Drains queues when a person's action may have made room: a conversation leaves an agent's open ones (resolved,
/// pending, snoozed, or handed away by hand), or goes back to its queue. Assignments the engine made itself carry no
/// actor and trigger nothing, so this never loops. Shift changes recompute the members' on-shift windows.
/// </summary>
public sealed class AssignmentTriggers(
    IConversationStore conversations,
    IAgentStore agents,
    IAssignmentStore assignments,
    ShiftWindows windows,
    AssignmentSweeper sweeper,
    IPublisher publisher,
    TimeProvider time) :
    INotificationHandler<ConversationStatusChanged>,
    INotificationHandler<ConversationAssigned>,
    INotificationHandler<ShiftsChanged>
{
    public async ValueTask Handle(ConversationStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.Previous != ConversationStatus.Open || notification.Current == ConversationStatus.Open)
        {
            return;
        }

        if (await conversations.GetConversationAsync(notification.ConversationId, cancellationToken) is { AssigneeId: { } assignee })
        {
            await DrainAgentQueuesAsync(assignee, cancellationToken);
        }
    }

    public async ValueTask Handle(ConversationAssigned notification, CancellationToken cancellationToken)
    {
        if (notification.ActorId is null)
        {
            return;
        }

        if (notification.PreviousAssigneeId is { } previous)
        {
            await DrainAgentQueuesAsync(previous, cancellationToken);
        }

        if (notification.AssigneeId is null
            && await conversations.GetConversationAsync(notification.ConversationId, cancellationToken) is { } conversation)
        {
            await DrainAsync([conversation.Queue], cancellationToken);
        }
    }

    public async ValueTask Handle(ShiftsChanged notification, CancellationToken cancellationToken)
    {
        sweeper.ShiftsChanged();
        await windows.RefreshAsync(notification.AgentIds, cancellationToken);
    }

    private async Task DrainAgentQueuesAsync(string agentId, CancellationToken cancellationToken)
    {
        if (await agents.GetAsync(agentId, cancellationToken) is { } agent)
        {
            await DrainAsync(agent.Queues, cancellationToken);
        }
    }

    private async Task DrainAsync(IReadOnlyList<string> queueIds, CancellationToken cancellationToken) =>
        await publisher.PublishAsync(await assignments.DrainAsync(queueIds, time.GetUtcNow(), cancellationToken), null, cancellationToken);
}
