namespace Omnichannel.Core.Sla;

/// <summary>What happened to a conversation, as far as its promises are concerned.</summary>
public enum SlaInputKind
{
    /// <summary>A customer's message (the first one starts the conversation and its clocks).</summary>
    CustomerMessage,

    /// <summary>An agent's public reply (private notes are no reply).</summary>
    AgentReply,

    /// <summary>The status changed (pending and snoozed pause, open resumes, resolved ends).</summary>
    StatusChanged,

    /// <summary>A resolved conversation the customer wrote to again.</summary>
    Reopened,

    /// <summary>The priority changed.</summary>
    PriorityChanged,

    /// <summary>The conversation moved to another queue, or its queue's policy changed: the open clocks follow the new one.</summary>
    PolicyChanged,
}
