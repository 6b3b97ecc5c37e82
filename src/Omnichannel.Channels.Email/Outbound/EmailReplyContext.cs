namespace Omnichannel.Channels.Email.Outbound;

/// <summary>What a reply needs besides the agent's text.</summary>
/// <param name="References">The thread's Message-IDs, oldest first, without angle brackets.</param>
internal sealed record EmailReplyContext(
    string MessageId,
    string ToAddress,
    string? ToName,
    string? AgentName,
    string? Subject,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset Date);
