using Mediator;
using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Events;

// Published by the SLA keeper after its write: new deadlines (null alert), a warning or a breach.

public sealed record ConversationSlaChanged(string ConversationId, SlaAlert? Alert, long Sequence) : INotification;

public sealed record ConversationPriorityChanged(string ConversationId, Priority Previous, Priority Current, string ActorId, long Sequence) : INotification;

public sealed record ConversationEscalated(string ConversationId, string FromQueue, string ToQueue, string Tier, bool Up, string ActorId, long Sequence) : INotification;
