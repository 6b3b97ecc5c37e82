using Omnichannel.Core.Scheduling;
using static Omnichannel.Core.Tests.Scheduling.ShiftCalendarTests;

namespace Omnichannel.Core.Tests.Scheduling;

/// <summary>
/// In 2026 Berlin's clocks go forward on 29 March (02:00 → 03:00) and back on 25 October (03:00 → 02:00);
/// New York's go forward on 8 March and back on 1 November (02:00 → 01:00).
/// </summary>
public class ShiftCalendarDaylightSavingTests
{
    private static readonly ShiftPeriodDefinition EveryNight = new(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "22:00", "06:00");

    [Fact]
    public void A_berlin_night_shift_lasts_7_hours_when_the_clocks_go_forward()
    {
        var window = ShiftCalendar.ActiveWindow(Define("Europe/Berlin", [EveryNight]), At("2026-03-28T23:00+01:00"));

        Assert.Equal(new ShiftWindow(At("2026-03-28T22:00+01:00"), At("2026-03-29T06:00+02:00")), window);
        Assert.Equal(TimeSpan.FromHours(7), window!.Value.Length);
    }

    [Fact]
    public void A_berlin_night_shift_lasts_9_hours_when_the_clocks_go_back()
    {
        var window = ShiftCalendar.ActiveWindow(Define("Europe/Berlin", [EveryNight]), At("2026-10-24T23:00+02:00"));

        Assert.Equal(new ShiftWindow(At("2026-10-24T22:00+02:00"), At("2026-10-25T06:00+01:00")), window);
        Assert.Equal(TimeSpan.FromHours(9), window!.Value.Length);
    }

    [Fact]
    public void A_new_york_night_shift_lasts_7_hours_when_the_clocks_go_forward()
    {
        var window = ShiftCalendar.ActiveWindow(Define("America/New_York", [EveryNight]), At("2026-03-07T23:00-05:00"));

        Assert.Equal(new ShiftWindow(At("2026-03-07T22:00-05:00"), At("2026-03-08T06:00-04:00")), window);
        Assert.Equal(TimeSpan.FromHours(7), window!.Value.Length);
    }

    [Fact]
    public void A_new_york_night_shift_lasts_9_hours_when_the_clocks_go_back()
    {
        var window = ShiftCalendar.ActiveWindow(Define("America/New_York", [EveryNight]), At("2026-10-31T23:00-04:00"));

        Assert.Equal(new ShiftWindow(At("2026-10-31T22:00-04:00"), At("2026-11-01T06:00-05:00")), window);
        Assert.Equal(TimeSpan.FromHours(9), window!.Value.Length);
    }

    [Fact]
    public void Night_shifts_around_a_clock_change_keep_their_usual_8_hours()
    {
        var nights = Define("Europe/Berlin", [EveryNight]);

        var lengths = ShiftCalendar.Occurrences(nights, At("2026-10-20T12:00Z"), At("2026-10-30T12:00Z")).Select(o => o.Length.TotalHours);

        Assert.Equal([8, 8, 8, 8, 9, 8, 8, 8, 8, 8], lengths);
    }

    [Fact]
    public void A_start_the_clocks_skip_moves_to_the_moment_they_show_again()
    {
        var early = Define("Europe/Berlin", [new(["Sun"], "02:30", "08:00")]);

        var window = ShiftCalendar.ActiveWindow(early, At("2026-03-29T05:00+02:00"));

        Assert.Equal(new ShiftWindow(At("2026-03-29T03:00+02:00"), At("2026-03-29T08:00+02:00")), window);
    }

    [Fact]
    public void An_end_the_clocks_skip_moves_to_the_moment_they_show_again()
    {
        var late = Define("Europe/Berlin", [new(["Sat"], "20:00", "02:30")]);

        var window = ShiftCalendar.ActiveWindow(late, At("2026-03-28T21:00+01:00"));

        Assert.Equal(new ShiftWindow(At("2026-03-28T20:00+01:00"), At("2026-03-29T03:00+02:00")), window);
    }

    [Fact]
    public void A_period_entirely_inside_the_skipped_hour_does_not_happen_that_night()
    {
        var skipped = Define("Europe/Berlin", [new(["Sun"], "02:10", "02:50")]);

        Assert.Empty(ShiftCalendar.Occurrences(skipped, At("2026-03-28T00:00Z"), At("2026-03-30T00:00Z")));
        Assert.Single(ShiftCalendar.Occurrences(skipped, At("2026-04-04T00:00Z"), At("2026-04-06T00:00Z")));
    }

    [Fact]
    public void A_start_that_happens_twice_is_taken_at_its_first_occurrence()
    {
        var early = Define("Europe/Berlin", [new(["Sun"], "02:30", "08:00")]);

        var window = ShiftCalendar.ActiveWindow(early, At("2026-10-25T05:00+01:00"));

        Assert.Equal(new ShiftWindow(At("2026-10-25T02:30+02:00"), At("2026-10-25T08:00+01:00")), window);
        Assert.Equal(TimeSpan.FromHours(6.5), window!.Value.Length);
    }

    [Fact]
    public void An_end_that_happens_twice_is_taken_at_its_first_occurrence()
    {
        var late = Define("America/New_York", [new(["Sat"], "22:00", "01:30")]);

        var window = ShiftCalendar.ActiveWindow(late, At("2026-10-31T23:00-04:00"));

        Assert.Equal(new ShiftWindow(At("2026-10-31T22:00-04:00"), At("2026-11-01T01:30-04:00")), window);
        Assert.False(ShiftCalendar.IsOn(late, At("2026-11-01T01:15-05:00")));
    }

    [Fact]
    public void The_next_boundary_over_a_clock_change_is_the_shift_end_in_the_new_offset()
    {
        var nights = Define("Europe/Berlin", [EveryNight]);

        Assert.Equal(At("2026-03-29T06:00+02:00"), ShiftCalendar.NextBoundary(nights, At("2026-03-28T22:00+01:00")));
        Assert.Equal(At("2026-10-25T06:00+01:00"), ShiftCalendar.NextBoundary(nights, At("2026-10-24T22:00+02:00")));
    }

    [Fact]
    public void A_zone_without_daylight_saving_keeps_8_hour_nights_all_year()
    {
        var nights = Define("Asia/Kolkata", [EveryNight]);

        var occurrences = ShiftCalendar.Occurrences(nights, At("2026-01-01T00:00Z"), At("2027-01-01T00:00Z"));

        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(8), o.Length));
        Assert.All(occurrences, o => Assert.Equal(30, o.Start.Minute));
    }
}
