using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>
/// A conversation's new promises and the alerts they fired; <paramref name="Changed"/> says whether anything an agent
/// sees changed (a deadline, a breach), so the store records an event for the inbox.
/// </summary>
public sealed record SlaWrite(string ConversationId, long ExpectedVersion, ConversationSla? Sla, IReadOnlyList<SlaAlert> Alerts, bool Changed)
{
    /// <summary>A breach under a policy that escalates on breach: the conversation is owed one tier up.</summary>
    public bool Escalate { get; init; }
}
