namespace Omnichannel.Core.Ports;

/// <summary>
/// Outcome of appending an agent's reply or private note; <see cref="Channel"/> is the conversation's. A message
/// whose id the caller named and the store had already is <see cref="Duplicate"/> (and <see cref="EventSequence"/> 0).
/// </summary>
public sealed record AppendResult(string MessageId, long EventSequence, string Channel, bool Duplicate = false);
