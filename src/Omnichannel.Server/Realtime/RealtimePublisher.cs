using Mediator;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Events;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Turns committed changes into hub events for exactly the people allowed to see them. Runs after the store has the
/// change; a failure here is logged and never fails the request that made the change (clients catch up by Resume).
/// </summary>
public sealed class RealtimePublisher(
    IHubContext<AgentHub, IAgentClient> hub,
    InboxEvents events,
    Audience audience,
    TimeProvider time,
    ILogger<RealtimePublisher> logger) :
    INotificationHandler<ConversationCreated>,
    INotificationHandler<ConversationReopened>,
    INotificationHandler<MessageCreated>,
    INotificationHandler<ConversationStatusChanged>,
    INotificationHandler<ConversationAssigned>,
    INotificationHandler<MessageDeliveryChanged>
{
    public ValueTask Handle(ConversationCreated n, CancellationToken ct) =>
        SendAsync(n.Sequence, "conversation.created", n.ConversationId, null, null, null, null, false, ct);

    public ValueTask Handle(ConversationReopened n, CancellationToken ct) =>
        SendAsync(n.Sequence, "conversation.reopened", n.ConversationId, null, null, null, null, false, ct);

    public ValueTask Handle(MessageCreated n, CancellationToken ct) =>
        SendAsync(n.Sequence, "message.created", n.ConversationId, n.MessageId, null, null, null, n.IsPrivate, ct);

    public ValueTask Handle(ConversationStatusChanged n, CancellationToken ct) =>
        SendAsync(n.Sequence, "conversation.status_changed", n.ConversationId, null, n.ActorId, null, null, false, ct);

    public ValueTask Handle(ConversationAssigned n, CancellationToken ct) =>
        SendAsync(n.Sequence, "conversation.assigned", n.ConversationId, null, n.ActorId, n.PreviousAssigneeId, n.Reason, false, ct);

    public ValueTask Handle(MessageDeliveryChanged n, CancellationToken ct) =>
        SendAsync(n.Sequence, "message.delivery", n.ConversationId, n.MessageId, null, null, null, false, ct);

    private async ValueTask SendAsync(
        long seq, string type, string conversationId, string? messageId, string? actorId, string? previousAssignee, string? reason, bool isPrivate, CancellationToken ct)
    {
        if (seq <= 0)
        {
            return;
        }

        try
        {
            if (await events.BuildAsync(seq, type, conversationId, messageId, time.GetUtcNow(), actorId, previousAssignee, reason, ct) is not var (inboxEvent, conversation, _))
            {
                return;
            }

            var groups = await audience.GroupsAsync(conversation, previousAssignee, isPrivate, ct);
            await hub.Clients.Groups(groups).Event(inboxEvent);
            if (type == "conversation.assigned" || type == "conversation.created" || type == "conversation.status_changed")
            {
                await hub.Clients.Group(HubGroups.Leads).BoardChanged(conversation.Queue);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not push event {Sequence} ({Type}) to the agent hub", seq, type);
        }
    }
}
