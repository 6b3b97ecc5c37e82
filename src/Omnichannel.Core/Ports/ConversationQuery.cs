using Omnichannel.Core.Model;

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

/// <summary>A list request: the view decides which index, the status narrows it, the cursor pages it.</summary>
public sealed record ConversationQuery(
    ConversationView View,
    string? AgentId,
    IReadOnlyList<string>? Queues,
    ConversationStatus? Status,
    string? Cursor,
    int Limit);
