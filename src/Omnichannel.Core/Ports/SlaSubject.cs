using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>A conversation's promises as stored, with what decides them.</summary>
/// <param name="AgentReplied">An agent has answered it (its first response is recorded).</param>
/// <param name="Version">Counts the keeper's writes to it: a write names the version it read.</param>
public sealed record SlaSubject(string ConversationId, string Queue, Priority Priority, bool AgentReplied, ConversationSla? Sla, long Version);
