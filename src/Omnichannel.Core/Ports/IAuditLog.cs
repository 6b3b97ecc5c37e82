namespace Omnichannel.Core.Ports;

/// <summary>The audit log: assignments with reason and actor, and lead actions, in time order.</summary>
public interface IAuditLog
{
    /// <summary>Entries at or after <paramref name="since"/>, or after the entry <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The conversation's activity timeline (assignments and their reasons), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadConversationAsync(string conversationId, CancellationToken cancellationToken = default);
}
