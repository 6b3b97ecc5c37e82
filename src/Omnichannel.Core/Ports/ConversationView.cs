namespace Omnichannel.Core.Ports;

public enum ConversationView
{
    /// <summary>Assigned to the asking agent.</summary>
    Mine,

    /// <summary>Waiting for an agent, in the given queues (null: every queue).</summary>
    Unassigned,

    /// <summary>Everything (leads and admins).</summary>
    All,
}
