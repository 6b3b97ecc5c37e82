using System.Globalization;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Tests.Scheduling;

public class ShiftCalendarTests
{
    // 2026-01-05 is a Monday; Berlin is on UTC+01:00 in January.
    private static Shift MondayNight(params string[] exceptions) =>
        Define("Europe/Berlin", [new(["Mon"], "22:00", "06:00")], exceptions);

    [Fact]
    public void A_night_shift_is_on_after_midnight_and_off_when_it_ends()
    {
        var night = MondayNight();

        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-06T01:00+01:00")));
        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-06T05:59:59+01:00")));
        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-06T06:00+01:00")));
    }

    [Fact]
    public void A_night_shift_is_on_from_its_start_and_not_a_moment_before()
    {
        var night = MondayNight();

        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-05T21:59:59+01:00")));
        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-05T22:00+01:00")));
    }

    [Fact]
    public void A_night_shift_runs_only_after_the_days_it_is_scheduled_on()
    {
        var night = MondayNight();

        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-07T01:00+01:00")));
        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-05T01:00+01:00")));
    }

    [Fact]
    public void The_active_window_of_a_night_shift_spans_midnight()
    {
        var window = ShiftCalendar.ActiveWindow(MondayNight(), At("2026-01-06T01:00+01:00"));

        Assert.Equal(new ShiftWindow(At("2026-01-05T21:00Z"), At("2026-01-06T05:00Z")), window);
    }

    [Fact]
    public void There_is_no_active_window_while_the_shift_is_off()
    {
        Assert.Null(ShiftCalendar.ActiveWindow(MondayNight(), At("2026-01-06T12:00+01:00")));
    }

    [Fact]
    public void An_exception_on_monday_removes_the_whole_night_that_starts_on_monday()
    {
        var night = MondayNight("2026-01-05");

        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-05T23:00+01:00")));
        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-06T01:00+01:00")));
    }

    [Fact]
    public void An_exception_removes_only_its_own_date()
    {
        var night = MondayNight("2026-01-05");

        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-13T01:00+01:00")));
    }

    [Fact]
    public void An_exception_on_tuesday_leaves_the_hours_after_midnight_of_monday_night_alone()
    {
        var night = MondayNight("2026-01-06");

        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-06T01:00+01:00")));
    }

    [Fact]
    public void A_period_ending_at_24_00_ends_at_midnight()
    {
        var evening = Define("Europe/Berlin", [new(["Mon"], "18:00", "24:00")]);

        Assert.True(ShiftCalendar.IsOn(evening, At("2026-01-05T23:59:59+01:00")));
        Assert.False(ShiftCalendar.IsOn(evening, At("2026-01-06T00:00+01:00")));
        Assert.Equal(TimeSpan.FromHours(6), ShiftCalendar.ActiveWindow(evening, At("2026-01-05T20:00+01:00"))!.Value.Length);
    }

    [Fact]
    public void From_00_00_to_24_00_is_the_whole_day()
    {
        var monday = Define("Europe/Berlin", [new(["Mon"], "00:00", "24:00")]);

        Assert.Equal(
            new ShiftWindow(At("2026-01-05T00:00+01:00"), At("2026-01-06T00:00+01:00")),
            ShiftCalendar.ActiveWindow(monday, At("2026-01-05T12:00+01:00")));
    }

    [Fact]
    public void Whole_days_in_a_row_form_one_window_without_a_boundary_at_midnight()
    {
        var weekdays = Define("Europe/Berlin", [new(["Mon", "Tue", "Wed", "Thu", "Fri"], "00:00", "24:00")]);

        Assert.Equal(
            new ShiftWindow(At("2026-01-05T00:00+01:00"), At("2026-01-10T00:00+01:00")),
            ShiftCalendar.ActiveWindow(weekdays, At("2026-01-07T12:00+01:00")));
        Assert.Equal(At("2026-01-10T00:00+01:00"), ShiftCalendar.NextBoundary(weekdays, At("2026-01-05T00:00+01:00")));
    }

    [Fact]
    public void The_next_boundary_of_a_night_shift_is_its_start_while_off_and_its_end_while_on()
    {
        var night = MondayNight();

        Assert.Equal(At("2026-01-05T22:00+01:00"), ShiftCalendar.NextBoundary(night, At("2026-01-05T12:00+01:00")));
        Assert.Equal(At("2026-01-06T06:00+01:00"), ShiftCalendar.NextBoundary(night, At("2026-01-05T22:00+01:00")));
        Assert.Equal(At("2026-01-12T22:00+01:00"), ShiftCalendar.NextBoundary(night, At("2026-01-06T06:00+01:00")));
    }

    [Fact]
    public void The_next_boundary_skips_a_night_removed_by_an_exception()
    {
        var night = MondayNight("2026-01-12");

        Assert.Equal(At("2026-01-19T22:00+01:00"), ShiftCalendar.NextBoundary(night, At("2026-01-06T06:00+01:00")));
    }

    [Fact]
    public void An_extra_period_turns_the_shift_on_outside_its_weekly_periods()
    {
        var night = Define(
            "Europe/Berlin",
            [new(["Mon"], "22:00", "06:00")],
            extras: [new("2026-01-10T10:00", "2026-01-10T14:00")]);

        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-10T09:59+01:00")));
        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-10T10:00+01:00")));
        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-10T14:00+01:00")));
    }

    [Fact]
    public void An_exception_does_not_remove_an_extra_period_on_the_same_day()
    {
        var night = Define(
            "Europe/Berlin",
            [new(["Mon"], "22:00", "06:00")],
            exceptions: ["2026-01-05"],
            extras: [new("2026-01-05T18:00", "2026-01-05T20:00")]);

        Assert.True(ShiftCalendar.IsOn(night, At("2026-01-05T19:00+01:00")));
        Assert.False(ShiftCalendar.IsOn(night, At("2026-01-05T23:00+01:00")));
    }

    [Fact]
    public void An_extra_period_overlapping_a_weekly_one_extends_the_window()
    {
        var day = Define(
            "Europe/Berlin",
            [new(["Mon"], "09:00", "17:00")],
            extras: [new("2026-01-05T16:00", "2026-01-05T20:00")]);

        Assert.Equal(
            new ShiftWindow(At("2026-01-05T09:00+01:00"), At("2026-01-05T20:00+01:00")),
            ShiftCalendar.ActiveWindow(day, At("2026-01-05T12:00+01:00")));
        Assert.Equal(At("2026-01-05T20:00+01:00"), ShiftCalendar.NextBoundary(day, At("2026-01-05T12:00+01:00")));
    }

    [Fact]
    public void Overlapping_periods_are_listed_as_occurrences_but_merge_into_one_window()
    {
        var split = Define("Europe/Berlin", [new(["Mon"], "08:00", "14:00"), new(["Mon"], "12:00", "18:00")]);
        var from = At("2026-01-05T00:00+01:00");
        var to = At("2026-01-06T00:00+01:00");

        Assert.Equal(
            [
                new ShiftWindow(At("2026-01-05T07:00Z"), At("2026-01-05T13:00Z")),
                new ShiftWindow(At("2026-01-05T11:00Z"), At("2026-01-05T17:00Z")),
            ],
            ShiftCalendar.Occurrences(split, from, to));
        Assert.Equal([new ShiftWindow(At("2026-01-05T07:00Z"), At("2026-01-05T17:00Z"))], ShiftCalendar.Windows(split, from, to));
    }

    [Fact]
    public void Periods_that_only_touch_merge_into_one_window()
    {
        var split = Define("Europe/Berlin", [new(["Mon"], "08:00", "12:00"), new(["Mon"], "12:00", "16:00")]);

        Assert.Equal(At("2026-01-05T16:00+01:00"), ShiftCalendar.NextBoundary(split, At("2026-01-05T09:00+01:00")));
    }

    [Fact]
    public void Occurrences_of_a_week_of_nights_are_listed_whole_in_utc()
    {
        var nights = Define("Europe/Berlin", [new(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "22:00", "06:00")]);

        var occurrences = ShiftCalendar.Occurrences(nights, At("2026-01-05T00:00+01:00"), At("2026-01-12T00:00+01:00"));

        // Sunday night's tail is running at the start of the range, so it is listed, whole.
        Assert.Equal(8, occurrences.Count);
        Assert.Equal(new ShiftWindow(At("2026-01-04T21:00Z"), At("2026-01-05T05:00Z")), occurrences[0]);
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.Zero, o.Start.Offset));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(8), o.Length));
    }

    [Fact]
    public void A_shift_that_is_always_on_has_no_next_boundary()
    {
        var always = Define("Europe/Berlin", [new(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "00:00", "24:00")]);

        Assert.True(ShiftCalendar.IsOn(always, At("2026-06-01T03:00Z")));
        Assert.Null(ShiftCalendar.NextBoundary(always, At("2026-06-01T03:00Z")));
    }

    [Fact]
    public void A_shift_without_periods_is_never_on_and_has_no_next_boundary()
    {
        var empty = Define("Europe/Berlin", []);

        Assert.False(ShiftCalendar.IsOn(empty, At("2026-06-01T03:00Z")));
        Assert.Null(ShiftCalendar.NextBoundary(empty, At("2026-06-01T03:00Z")));
        Assert.Empty(ShiftCalendar.Windows(empty, At("2026-06-01T00:00Z"), At("2026-07-01T00:00Z")));
    }

    [Fact]
    public void An_instant_is_compared_as_an_instant_whatever_its_offset()
    {
        var night = MondayNight();
        var tuesdayOneAmInBerlinWrittenInTokyoTime = At("2026-01-06T09:00+09:00");

        Assert.True(ShiftCalendar.IsOn(night, tuesdayOneAmInBerlinWrittenInTokyoTime));
    }

    [Fact]
    public void A_shift_in_india_starts_on_the_half_hour_in_utc()
    {
        var office = Define("Asia/Kolkata", [new(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:30")]);

        Assert.False(ShiftCalendar.IsOn(office, At("2026-01-05T03:29:59Z")));
        Assert.True(ShiftCalendar.IsOn(office, At("2026-01-05T03:30Z")));
        Assert.Equal(
            new ShiftWindow(At("2026-01-05T03:30Z"), At("2026-01-05T12:00Z")),
            ShiftCalendar.ActiveWindow(office, At("2026-01-05T09:00Z")));
        Assert.Equal(At("2026-01-06T03:30Z"), ShiftCalendar.NextBoundary(office, At("2026-01-05T12:00Z")));
    }

    [Fact]
    public void A_shift_in_nepal_keeps_its_quarter_hour_offset()
    {
        var office = Define("Asia/Kathmandu", [new(["Mon"], "10:00", "18:00")]);

        Assert.Equal(
            new ShiftWindow(At("2026-01-05T04:15Z"), At("2026-01-05T12:15Z")),
            ShiftCalendar.ActiveWindow(office, At("2026-01-05T06:00Z")));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ShiftCalendar.Occurrences(MondayNight(), At("2026-01-06T00:00Z"), At("2026-01-05T00:00Z")));
    }

    internal static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    internal static Shift Define(
        string timeZone,
        ShiftPeriodDefinition[] periods,
        string[]? exceptions = null,
        ExtraPeriodDefinition[]? extras = null) =>
        new ShiftDefinition("Test", timeZone, periods, exceptions, extras).ToShift("test");
}
