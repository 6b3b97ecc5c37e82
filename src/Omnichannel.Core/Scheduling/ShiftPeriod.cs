namespace Omnichannel.Core.Scheduling;

/// <summary>
/// A weekly period: on each of <see cref="Days"/> the shift starts at <see cref="Start"/> local time and runs until
/// <see cref="End"/>. An end before the start crosses midnight and ends on the next day.
/// </summary>
/// <param name="End">
/// A local time of day from 00:00 to 24:00 inclusive, held as the time since local midnight because <see cref="TimeOnly"/>
/// cannot say 24:00. 24:00 is the end of the start day, so 00:00–24:00 is a whole day. It may not equal the start:
/// 08:00–08:00 could mean nothing or a whole day.
/// </param>
public sealed record ShiftPeriod(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeSpan End)
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    public TimeSpan End { get; init; } = End >= TimeSpan.Zero && End <= EndOfDay && End != Start.ToTimeSpan()
        ? End
        : throw new ArgumentOutOfRangeException(nameof(End), End, "The end must be a time of day from 00:00 to 24:00 other than the start.");

    /// <summary>True when the period ends on the day after the one it starts on.</summary>
    public bool EndsNextDay => End < Start.ToTimeSpan() || End == EndOfDay;

    /// <summary>The length on a day without a clock change; the clocks going forward or back make it an hour shorter or longer.</summary>
    public TimeSpan NominalLength => End > Start.ToTimeSpan() ? End - Start.ToTimeSpan() : EndOfDay - Start.ToTimeSpan() + End;

    /// <summary>The local start and end of the occurrence that starts on <paramref name="day"/>, whether or not the period runs that day.</summary>
    public (DateTime Start, DateTime End) OnDay(DateOnly day)
    {
        var start = day.ToDateTime(Start);
        return (start, start + NominalLength);
    }
}
