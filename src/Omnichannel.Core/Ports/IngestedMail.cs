namespace Omnichannel.Core.Ports;

/// <summary>
/// One message the email ingest has stored, with what the mailbox must remember of it: the cursor it moves to, its
/// Message-ID (null for a mail without one) and the thread it joined, and the subject key that lets a later mail of
/// the same sender and subject join the thread within <see cref="SubjectWindow"/>.
/// </summary>
public sealed record IngestedMail(
    uint UidValidity,
    uint Uid,
    string? MessageId,
    string ThreadKey,
    string ConversationId,
    string? SubjectKey,
    TimeSpan SubjectWindow);
