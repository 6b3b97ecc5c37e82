namespace Omnichannel.Core.Ports;

/// <summary>The keeper's cursor (the last event it applied) and the events after it.</summary>
/// <param name="Missed">Events after the cursor were trimmed from the log before the keeper read them.</param>
public sealed record SlaLogBatch(long Cursor, IReadOnlyList<SlaLogEntry> Entries, bool Missed);
