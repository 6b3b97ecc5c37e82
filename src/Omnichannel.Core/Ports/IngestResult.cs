using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Outcome of an ingest. <see cref="Duplicate"/> means the message was stored before and nothing changed.
/// <see cref="PreviousStatus"/> is the conversation's status before the message (null when it was created or a duplicate);
/// <see cref="ConversationEventSequence"/> is the sequence of the conversation's own event written with the message
/// (created, reopened, or opened from pending/snoozed), 0 when there was none. <see cref="Assignments"/> are the
/// assignments routing made in the same write (the new or reopened conversation, and older ones of its queue).
/// </summary>
public sealed record IngestResult(
    string ConversationId,
    string MessageId,
    string ContactId,
    bool Duplicate,
    bool ConversationCreated,
    bool Reopened,
    long EventSequence,
    ConversationStatus? PreviousStatus = null,
    long ConversationEventSequence = 0,
    IReadOnlyList<AssignmentChange>? Assignments = null);
