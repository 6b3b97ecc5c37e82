namespace Omnichannel.Core.Scheduling;

/// <summary>A weekly period: <c>{"days": ["Mon", "Fri"], "start": "22:00", "end": "06:00"}</c>.</summary>
public sealed record ShiftPeriodDefinition(IReadOnlyList<string?>? Days, string? Start, string? End);
