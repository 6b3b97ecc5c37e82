using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>One event of the log, as a change to a conversation's promises (null input: the event is none).</summary>
public sealed record SlaLogEntry(long Sequence, string ConversationId, SlaInput? Input);
