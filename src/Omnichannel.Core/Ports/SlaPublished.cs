using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>An event the keeper's write recorded: an alert, or (null alert) new deadlines.</summary>
public sealed record SlaPublished(string ConversationId, long Sequence, SlaAlert? Alert);
