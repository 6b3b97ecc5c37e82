namespace Omnichannel.Core.Sla;

/// <summary>
/// Runs a conversation's promises through what happens to it, in the order the event log has it: the one place that
/// decides which <see cref="ConversationSla"/> transition a change is. The SLA keeper calls it for each event and for
/// each deadline that came due.
/// </summary>
public static class SlaTimeline
{
    /// <summary>
    /// The promises after <paramref name="input"/>. <paramref name="policy"/> is the conversation's queue's policy now
    /// (null: the queue makes no promise). A conversation without clocks gets them with the customer's next message
    /// under a policy: the first response while no agent has replied (<paramref name="agentReplied"/>), else the next.
    /// </summary>
    public static ConversationSla? Apply(
        ConversationSla? sla, SlaPolicy? policy, Priority priority, bool agentReplied, SlaInput input, ICollection<SlaAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (policy is null)
        {
            // The promise is withdrawn (the queue lost its policy, or the conversation moved to a queue without one).
            return sla?.StopAll(input.At, alerts);
        }

        if (sla is null)
        {
            return input.Kind is SlaInputKind.CustomerMessage or SlaInputKind.Reopened
                ? ConversationSla.Start(policy, priority, input.At, agentReplied)
                : null;
        }

        return input.Kind switch
        {
            SlaInputKind.CustomerMessage => sla.CustomerMessage(policy, input.At, alerts),
            SlaInputKind.AgentReply => sla.AgentReply(input.At, alerts),
            SlaInputKind.StatusChanged when input.Status is { } status => sla.StatusChanged(policy, status, input.At, alerts),
            SlaInputKind.Reopened => sla.Reopened(policy, input.At, alerts),
            SlaInputKind.PriorityChanged when input.Priority is { } next => sla.PriorityChanged(policy, next, input.At, alerts),
            SlaInputKind.PolicyChanged => sla.PriorityChanged(policy, sla.Priority, input.At, alerts),
            _ => sla.Tick(input.At, alerts),
        };
    }
}
