using Omnichannel.Core.Scheduling;

namespace Omnichannel.Server.Features.Shifts;

/// <summary>
/// A shift as the API shows it: the definition <c>PUT /api/shifts/{id}</c> takes (see <see cref="ShiftDefinition"/>),
/// with its id and, at the server's clock, whether it is on and when that next changes.
/// </summary>
/// <param name="NextChange">The next instant the shift goes on or off; null when that is more than about a year away.</param>
public sealed record ShiftDto(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<ShiftPeriodDto> Periods,
    IReadOnlyList<string> Exceptions,
    IReadOnlyList<ExtraPeriodDto> ExtraPeriods,
    IReadOnlyList<string> Members,
    bool OnNow,
    DateTimeOffset? NextChange)
{
    public static ShiftDto From(Shift shift, DateTimeOffset now)
    {
        // Written by the same code that reads a PUT body, so a GET answer can be sent back unchanged.
        var definition = ShiftDefinition.FromShift(shift);
        return new(
            shift.Id,
            shift.Name,
            shift.TimeZoneId,
            [.. definition.Periods!.Select(p => new ShiftPeriodDto([.. p!.Days!.Select(d => d!)], p.Start!, p.End!))],
            [.. definition.Exceptions!.Select(e => e!)],
            [.. definition.ExtraPeriods!.Select(e => new ExtraPeriodDto(e!.Start!, e.End!))],
            [.. shift.Members],
            ShiftCalendar.IsOn(shift, now),
            ShiftCalendar.NextBoundary(shift, now));
    }
}

/// <summary>A weekly period: <c>{"days": ["Mon", "Fri"], "start": "22:00", "end": "06:00"}</c>.</summary>
public sealed record ShiftPeriodDto(IReadOnlyList<string> Days, string Start, string End);

/// <summary>A one-off period in the shift's local time: <c>{"start": "2026-12-24T18:00", "end": "2026-12-24T23:00"}</c>.</summary>
public sealed record ExtraPeriodDto(string Start, string End);
