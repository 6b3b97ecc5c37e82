using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>A list request: the view decides which index, the status narrows it, the cursor pages it.</summary>
public sealed record ConversationQuery(
    ConversationView View,
    string? AgentId,
    IReadOnlyList<string>? Queues,
    ConversationStatus? Status,
    string? Cursor,
    int Limit);
