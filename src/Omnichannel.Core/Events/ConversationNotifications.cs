using Mediator;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Events;

// Published after the store has committed a change. Listeners decide who hears about it
// (the agent hub, metrics, channel senders); handlers that change state never push to sockets themselves.

public sealed record ConversationCreated(string ConversationId, string ContactId, string Channel, string Queue, long Sequence) : INotification;

public sealed record ConversationReopened(string ConversationId, long Sequence) : INotification;

public sealed record MessageCreated(string ConversationId, string MessageId, MessageDirection Direction, bool IsPrivate, string Channel, long Sequence) : INotification;

public sealed record ConversationStatusChanged(string ConversationId, ConversationStatus Previous, ConversationStatus Current, string? ActorId, long Sequence) : INotification;

public sealed record ConversationAssigned(string ConversationId, string? PreviousAssigneeId, string? AssigneeId, string Reason, string? ActorId, long Sequence) : INotification;

public sealed record MessageDeliveryChanged(string ConversationId, string MessageId, DeliveryState Previous, DeliveryState Current, string? Error, long Sequence) : INotification;
