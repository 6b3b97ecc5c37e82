namespace Omnichannel.Core.Ports;

/// <summary>An agent with a conversation open on one connection, and whether they are writing a reply in it.</summary>
public sealed record ViewerEntry(string ConnectionId, string AgentId, string Name, bool Replying);

/// <summary>
/// Who has which conversation open, shared by every node (collision detection: "Ana is replying"). Entries expire on
/// their own when a node dies without cleaning up.
/// </summary>
public interface IViewerStore
{
    /// <summary>Adds or updates the connection's entry (null removes it); returns the conversation's viewers after the change.</summary>
    Task<IReadOnlyList<ViewerEntry>> SetAsync(string conversationId, string connectionId, ViewerEntry? viewer, DateTimeOffset now, CancellationToken cancellationToken = default);
}
