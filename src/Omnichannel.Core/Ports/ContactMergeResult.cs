namespace Omnichannel.Core.Ports;

/// <summary>
/// What a merge moved: conversations (<see cref="ConversationIds"/> are their ids), identities (verified and claimed),
/// and the audit entry's sequence.
/// </summary>
public sealed record ContactMergeResult(int Conversations, int Identities, long AuditSequence,
    IReadOnlyList<string> ConversationIds);
