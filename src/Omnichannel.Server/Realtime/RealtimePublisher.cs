using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Turns committed changes into live signals for every node (<see cref="LiveBus"/>), where each connection is judged
/// by the access rule. Runs after the store has the change; a failure here is logged and never fails the request
/// that made the change (clients catch up by Resume; access changes are rechecked periodically).
/// </summary>
public sealed class RealtimePublisher(LiveBus bus, TimeProvider time, ILogger<RealtimePublisher> logger) :
    INotificationHandler<ConversationCreated>,
    INotificationHandler<ConversationReopened>,
    INotificationHandler<MessageCreated>,
    INotificationHandler<ConversationStatusChanged>,
    INotificationHandler<ConversationAssigned>,
    INotificationHandler<MessageDeliveryChanged>,
    INotificationHandler<AccessChanged>,
    INotificationHandler<ContactsMerged>,
    INotificationHandler<ConversationSlaChanged>,
    INotificationHandler<ConversationPriorityChanged>,
    INotificationHandler<ConversationEscalated>,
    INotificationHandler<ConversationIncidentLinked>,
    INotificationHandler<IncidentUpdated>
{
    public ValueTask Handle(ConversationCreated n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.created", n.ConversationId, null, null, null, null, false, ct);

    public ValueTask Handle(ConversationReopened n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.reopened", n.ConversationId, null, null, null, null, false, ct);

    public ValueTask Handle(MessageCreated n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "message.created", n.ConversationId, n.MessageId, null, null, null, n.IsPrivate, ct);

    public ValueTask Handle(ConversationStatusChanged n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.status_changed", n.ConversationId, null, n.ActorId, null, null, false, ct);

    public ValueTask Handle(ConversationAssigned n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.assigned", n.ConversationId, null, n.ActorId, n.PreviousAssigneeId, n.Reason, false, ct);

    public ValueTask Handle(MessageDeliveryChanged n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "message.delivery", n.ConversationId, n.MessageId, null, null, null, false, ct);

    // The reason names the alert ("firstResponse:breach"); new deadlines alone carry none.
    public ValueTask Handle(ConversationSlaChanged n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.sla", n.ConversationId, null, null, null,
            n.Alert is { } a ? SlaText.Kind(a.Kind) + ":" + SlaText.Alert(a.Alert) : null, false, ct);

    public ValueTask Handle(ConversationPriorityChanged n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.priority_changed", n.ConversationId, null, n.ActorId, null, null, false, ct);

    public ValueTask Handle(ConversationEscalated n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.escalated", n.ConversationId, null, n.ActorId, null, n.Up ? "escalated" : "de-escalated", false, ct);

    // The reason names the incident, so an open conversation shows its incident without another read.
    public ValueTask Handle(ConversationIncidentLinked n, CancellationToken ct) =>
        SendEventAsync(n.Sequence, "conversation.incident_linked", n.ConversationId, null, n.ActorId, null, n.IncidentId, false, ct);

    public ValueTask Handle(IncidentUpdated n, CancellationToken ct) =>
        SendAsync(new IncidentSignal(n.IncidentId, time.GetUtcNow(), n.ActorId), ct);

    public ValueTask Handle(AccessChanged n, CancellationToken ct) => SendAsync(new AccessSignal(n.Kind, n.Id), ct);

    public ValueTask Handle(ContactsMerged n, CancellationToken ct) =>
        SendAsync(new ContactMergedSignal(n.IntoId, n.FromId, n.ConversationIds, time.GetUtcNow(), n.ActorId), ct);

    private ValueTask SendEventAsync(
        long seq, string type, string conversationId, string? messageId, string? actorId, string? previousAssignee, string? reason, bool isPrivate, CancellationToken ct) =>
        seq <= 0
            ? ValueTask.CompletedTask
            : SendAsync(new EventSignal(seq, type, conversationId, messageId, time.GetUtcNow(), actorId, previousAssignee, reason, isPrivate), ct);

    private async ValueTask SendAsync(LiveSignal signal, CancellationToken ct)
    {
        try
        {
            await bus.PublishAsync(signal, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not publish live signal {Signal}", signal);
        }
    }
}
