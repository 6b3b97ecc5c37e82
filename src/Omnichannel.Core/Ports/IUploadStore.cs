using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Files an agent uploaded for a reply they have not sent yet: bound to one conversation and one agent, kept for a
/// day, and taken (once) when the reply is sent.
/// </summary>
public interface IUploadStore
{
    Task SaveAsync(string conversationId, string agentId, AttachmentInfo attachment, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// The uploads with these ids made by this agent for this conversation, removed from staging in the same step;
    /// null when any id is unknown, expired, or someone else's (then nothing is taken).
    /// </summary>
    Task<IReadOnlyList<AttachmentInfo>?> TakeAsync(string conversationId, string agentId, IReadOnlyList<string> attachmentIds, CancellationToken cancellationToken = default);
}
