using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Search;

/// <summary>Bound from <c>Omnichannel:Search</c>: where this node keeps its search index and how it follows the store.</summary>
public sealed class SearchOptions
{
    public const string Section = "Omnichannel:Search";

    /// <summary>
    /// Folder of this node's Lucene index, relative to the working directory. Empty: the index lives in memory. Either
    /// way it is rebuilt from the store at every start (Redis is the source of truth), so the folder only saves memory.
    /// </summary>
    public string? IndexDirectory { get; set; }

    /// <summary>How often the node reads the store's event log for changes to index (milliseconds).</summary>
    [Range(20, 10_000)]
    public int PollMilliseconds { get; set; } = 200;

    /// <summary>The newest messages of a conversation that are indexed; older ones are not found.</summary>
    [Range(10, 100_000)]
    public int MaxMessagesPerConversation { get; set; } = 2000;
}
