using System.Diagnostics.Metrics;
using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Pipeline;

/// <summary>Counts what happens in the inbox (messages in and out per channel, conversations created, reopened, resolved; shift changes).</summary>
public sealed class EventMetricsHandler :
    INotificationHandler<ConversationCreated>,
    INotificationHandler<ConversationReopened>,
    INotificationHandler<MessageCreated>,
    INotificationHandler<ConversationStatusChanged>,
    INotificationHandler<ConversationAssigned>,
    INotificationHandler<MessageDeliveryChanged>,
    INotificationHandler<ShiftsChanged>
{
    private readonly Counter<long> _messages;
    private readonly Counter<long> _conversations;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _shiftChanges;

    public EventMetricsHandler(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(InboxMetrics.MeterName);
        _messages = meter.CreateCounter<long>("omnichannel.messages", description: "Messages stored, by channel and direction");
        _deliveries = meter.CreateCounter<long>("omnichannel.deliveries", description: "Outbound delivery state changes");
        _conversations = meter.CreateCounter<long>("omnichannel.conversation.changes", description: "Conversations created, reopened, assigned and changed status");
        _shiftChanges = meter.CreateCounter<long>("omnichannel.shift.changes", description: "Shifts created, replaced or deleted");
    }

    public ValueTask Handle(MessageCreated notification, CancellationToken cancellationToken)
    {
        var direction = notification.IsPrivate ? "note" : notification.Direction == MessageDirection.In ? "in" : "out";
        _messages.Add(1, new KeyValuePair<string, object?>("channel", notification.Channel), new KeyValuePair<string, object?>("direction", direction));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(MessageDeliveryChanged notification, CancellationToken cancellationToken)
    {
        _deliveries.Add(1, new KeyValuePair<string, object?>("state", notification.Current.ToString().ToLowerInvariant()));
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(ConversationCreated notification, CancellationToken cancellationToken) => Count("created");

    public ValueTask Handle(ConversationReopened notification, CancellationToken cancellationToken) => Count("reopened");

    public ValueTask Handle(ConversationStatusChanged notification, CancellationToken cancellationToken) => Count(notification.Current.ToText());

    public ValueTask Handle(ConversationAssigned notification, CancellationToken cancellationToken) => Count("assigned");

    public ValueTask Handle(ShiftsChanged notification, CancellationToken cancellationToken)
    {
        _shiftChanges.Add(1);
        return ValueTask.CompletedTask;
    }

    private ValueTask Count(string change)
    {
        _conversations.Add(1, new KeyValuePair<string, object?>("change", change));
        return ValueTask.CompletedTask;
    }
}
