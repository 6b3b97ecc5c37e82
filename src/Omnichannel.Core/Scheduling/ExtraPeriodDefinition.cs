namespace Omnichannel.Core.Scheduling;

/// <summary>A one-off period in the shift's local time: <c>{"start": "2026-12-24T18:00", "end": "2026-12-24T23:00"}</c>.</summary>
public sealed record ExtraPeriodDefinition(string? Start, string? End);
