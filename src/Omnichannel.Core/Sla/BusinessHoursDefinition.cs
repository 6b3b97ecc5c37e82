using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Sla;

/// <summary>
/// A policy's business hours as the API carries them, in the shift model (docs/shifts.md):
/// <c>{"timeZone": "Europe/Berlin", "periods": [{"days": ["Mon", "Fri"], "start": "09:00", "end": "17:00"}],
/// "exceptions": ["2026-12-25"], "extraPeriods": [...]}</c>. Exceptions are holidays.
/// </summary>
public sealed record BusinessHoursDefinition(
    string? TimeZone,
    IReadOnlyList<ShiftPeriodDefinition?>? Periods,
    IReadOnlyList<string?>? Exceptions = null,
    IReadOnlyList<ExtraPeriodDefinition?>? ExtraPeriods = null)
{
    /// <summary>The same calendar as a shift definition without members, read by the shift rules.</summary>
    internal ShiftDefinition AsShift(string name) => new(name, TimeZone, Periods, Exceptions, ExtraPeriods);

    public static BusinessHoursDefinition From(Shift calendar)
    {
        var shift = ShiftDefinition.FromShift(calendar);
        return new(shift.TimeZone, shift.Periods, shift.Exceptions, shift.ExtraPeriods);
    }
}
