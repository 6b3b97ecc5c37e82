namespace Omnichannel.Core.Ports;

/// <summary>
/// Who has which conversation open, shared by every node (collision detection: "Ana is replying"). Entries expire on
/// their own when a node dies without cleaning up.
/// </summary>
public interface IViewerStore
{
    /// <summary>Adds or updates the connection's entry (null removes it); returns the conversation's viewers after the change.</summary>
    Task<IReadOnlyList<ViewerEntry>> SetAsync(string conversationId, string connectionId, ViewerEntry? viewer, DateTimeOffset now, CancellationToken cancellationToken = default);
}
