namespace Omnichannel.Core.Ports;

/// <summary>One conversation changing hands. <see cref="To"/> null = back to its queue.</summary>
public sealed record AssignmentChange(string ConversationId, string? From, string? To, string Reason, long EventSequence);
