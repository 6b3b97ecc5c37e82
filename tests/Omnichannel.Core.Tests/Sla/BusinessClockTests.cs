using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;
using static Omnichannel.Core.Tests.Scheduling.ShiftCalendarTests;

namespace Omnichannel.Core.Tests.Sla;

/// <summary>Working time over business hours. In 2026 Berlin's clocks go forward on 29 March and back on 25 October.</summary>
public class BusinessClockTests
{
    private static readonly ShiftPeriodDefinition Weekdays = new(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00");

    internal static Shift Office(params string[] holidays) => Define("Europe/Berlin", [Weekdays], holidays);

    [Fact]
    public void Around_the_clock_a_target_is_plain_addition()
    {
        Assert.Equal(At("2026-03-29T01:30+01:00"), BusinessClock.Add(At("2026-03-28T23:00+01:00"), TimeSpan.FromMinutes(150), null));
    }

    [Fact]
    public void A_30_minute_target_started_ten_minutes_before_closing_is_due_20_minutes_after_opening()
    {
        // Monday 16:50 → Tuesday 09:20: the closed night does not count.
        Assert.Equal(At("2026-01-06T09:20+01:00"), BusinessClock.Add(At("2026-01-05T16:50+01:00"), TimeSpan.FromMinutes(30), Office()));
    }

    [Fact]
    public void An_8_hour_target_started_on_friday_afternoon_is_due_on_monday_afternoon()
    {
        Assert.Equal(At("2026-01-12T15:00+01:00"), BusinessClock.Add(At("2026-01-09T15:00+01:00"), TimeSpan.FromHours(8), Office()));
    }

    [Fact]
    public void A_message_at_night_starts_counting_when_the_office_opens()
    {
        Assert.Equal(At("2026-01-06T10:00+01:00"), BusinessClock.Add(At("2026-01-05T23:00+01:00"), TimeSpan.FromHours(1), Office()));
    }

    [Fact]
    public void A_holiday_is_skipped()
    {
        // Friday 25 December is a holiday: Thursday 16:00 + 2 h is Monday 10:00.
        var due = BusinessClock.Add(At("2026-12-24T16:00+01:00"), TimeSpan.FromHours(2), Office("2026-12-25"));

        Assert.Equal(At("2026-12-28T10:00+01:00"), due);
    }

    [Fact]
    public void A_target_ending_at_closing_time_is_due_at_closing_time()
    {
        Assert.Equal(At("2026-01-05T17:00+01:00"), BusinessClock.Add(At("2026-01-05T16:00+01:00"), TimeSpan.FromHours(1), Office()));
    }

    [Fact]
    public void Working_hours_across_the_spring_clock_change_are_real_hours()
    {
        // Open every day 00:00–24:00 local: the night of 29 March has 23 hours, so 24 working hours end an hour later
        // on the wall clock.
        var always = Define("Europe/Berlin", [new(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "00:00", "24:00")]);

        var due = BusinessClock.Add(At("2026-03-29T00:00+01:00"), TimeSpan.FromHours(24), always);

        Assert.Equal(At("2026-03-30T01:00+02:00"), due);
    }

    [Fact]
    public void A_calendar_that_never_opens_has_no_deadline()
    {
        var never = Define("Europe/Berlin", [Weekdays], extras: null) with { Periods = [] };

        Assert.Null(BusinessClock.Add(At("2026-01-05T10:00+01:00"), TimeSpan.FromHours(1), never));
    }

    [Fact]
    public void Elapsed_working_time_counts_only_open_hours()
    {
        // Friday 16:00 → Monday 10:00 is 2 working hours.
        Assert.Equal(TimeSpan.FromHours(2), BusinessClock.Elapsed(At("2026-01-09T16:00+01:00"), At("2026-01-12T10:00+01:00"), Office()));
    }
}
