namespace Omnichannel.Core.Ports;

/// <summary>Outcome of appending an agent's reply or private note; <see cref="Channel"/> is the conversation's.</summary>
public sealed record AppendResult(string MessageId, long EventSequence, string Channel);
