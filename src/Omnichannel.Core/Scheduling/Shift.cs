namespace Omnichannel.Core.Scheduling;

/// <summary>
/// A named weekly schedule in an IANA time zone, with its members. Build one from the API contract with
/// <see cref="ShiftDefinition.ToShift"/>; ask <see cref="ShiftCalendar"/> when it is on.
/// </summary>
/// <param name="TimeZoneId">An IANA zone id such as <c>Europe/Berlin</c>; every local time of the shift is read in it.</param>
/// <param name="Periods">The weekly periods. Periods may overlap; the shift is on while any of them is.</param>
/// <param name="Exceptions">
/// Local dates on which the weekly periods do not run. A period belongs to the day it starts on: an exception on Monday
/// removes the Monday 22:00–06:00 night, including its hours on Tuesday, and leaves Sunday night's last hours on Monday alone.
/// </param>
/// <param name="ExtraPeriods">One-off periods added to the weekly ones; exceptions never remove them.</param>
/// <param name="Members">Ids of the agents who work this shift.</param>
public sealed record Shift(
    string Id,
    string Name,
    string TimeZoneId,
    IReadOnlyList<ShiftPeriod> Periods,
    IReadOnlyList<DateOnly> Exceptions,
    IReadOnlyList<ExtraPeriod> ExtraPeriods,
    IReadOnlyList<string> Members);
