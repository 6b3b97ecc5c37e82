using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Scheduling;

public class ShiftDefinitionTests
{
    private static readonly ShiftDefinition Night = new(
        "Night",
        "Europe/Berlin",
        [new(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "22:00", "06:00")],
        ["2026-12-25"],
        [new("2026-12-24T18:00", "2026-12-24T22:00")],
        ["agent-1"]);

    private static ShiftDefinition WithPeriod(string?[] days, string? start, string? end) =>
        Night with { Periods = [new(days, start, end)] };

    [Fact]
    public void The_contract_example_is_valid()
    {
        Assert.Empty(Night.Validate());
    }

    [Fact]
    public void The_contract_example_becomes_the_shift_it_describes()
    {
        var shift = Night.ToShift("night");

        Assert.Equal("night", shift.Id);
        Assert.Equal("Night", shift.Name);
        Assert.Equal("Europe/Berlin", shift.TimeZoneId);
        var period = Assert.Single(shift.Periods);
        Assert.Equal(7, period.Days.Count);
        Assert.Equal(new TimeOnly(22, 0), period.Start);
        Assert.Equal(TimeSpan.FromHours(6), period.End);
        Assert.True(period.EndsNextDay);
        Assert.Equal(TimeSpan.FromHours(8), period.NominalLength);
        Assert.Equal([new DateOnly(2026, 12, 25)], shift.Exceptions);
        Assert.Equal([new ExtraPeriod(new DateTime(2026, 12, 24, 18, 0, 0), new DateTime(2026, 12, 24, 22, 0, 0))], shift.ExtraPeriods);
        Assert.Equal(["agent-1"], shift.Members);
    }

    [Fact]
    public void Exceptions_extra_periods_and_members_may_be_left_out()
    {
        var minimal = new ShiftDefinition("Night", "Europe/Berlin", [new(["Mon"], "22:00", "06:00")]);

        var shift = minimal.ToShift("night");

        Assert.Empty(shift.Exceptions);
        Assert.Empty(shift.ExtraPeriods);
        Assert.Empty(shift.Members);
    }

    [Fact]
    public void An_end_of_24_00_is_the_end_of_the_start_day()
    {
        var period = Assert.Single(WithPeriod(["Mon"], "00:00", "24:00").ToShift("day").Periods);

        Assert.Equal(ShiftPeriod.EndOfDay, period.End);
        Assert.Equal(TimeSpan.FromHours(24), period.NominalLength);
    }

    [Fact]
    public void Day_names_are_read_in_any_letter_case()
    {
        Assert.Empty(WithPeriod(["mon", "TUE"], "09:00", "17:00").Validate());
    }

    [Fact]
    public void A_definition_reads_back_from_its_shift_unchanged()
    {
        var definition = Night with { Periods = [new(["Mon", "Fri"], "00:00", "24:00"), new(["Sun", "Sat"], "22:30", "06:15")] };

        var readBack = ShiftDefinition.FromShift(definition.ToShift("x"));

        Assert.Equal(["Mon", "Fri"], readBack.Periods![0]!.Days);
        Assert.Equal("24:00", readBack.Periods[0]!.End);
        Assert.Equal(["Sat", "Sun"], readBack.Periods[1]!.Days);
        Assert.Equal(("22:30", "06:15"), (readBack.Periods[1]!.Start, readBack.Periods[1]!.End));
        Assert.Equal(definition.Exceptions, readBack.Exceptions);
        Assert.Equal(definition.ExtraPeriods, readBack.ExtraPeriods);
        Assert.Equal(definition.Members, readBack.Members);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("europe/berlin")]
    [InlineData("EUROPE/BERLIN")]
    [InlineData("localtime")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("+01:00")]
    public void An_unknown_time_zone_is_refused(string timeZone)
    {
        // Warm the runtime's zone cache, which would otherwise find "europe/berlin" by ignoring case.
        _ = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        AssertSingleError(Night with { TimeZone = timeZone }, "timeZone");
    }

    [Fact]
    public void A_time_zone_is_required()
    {
        AssertSingleError(Night with { TimeZone = null }, "timeZone");
        AssertSingleError(Night with { TimeZone = " " }, "timeZone");
    }

    [Fact]
    public void A_name_is_required()
    {
        AssertSingleError(Night with { Name = "" }, "name");
    }

    [Theory]
    [InlineData("Monday")]
    [InlineData("Lun")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_day_name_is_refused(string? day)
    {
        AssertSingleError(WithPeriod(["Mon", day], "22:00", "06:00"), "periods[0].days[1]");
    }

    [Fact]
    public void A_repeated_day_is_refused()
    {
        AssertSingleError(WithPeriod(["Mon", "Tue", "mon"], "22:00", "06:00"), "periods[0].days[2]");
    }

    [Fact]
    public void A_period_needs_at_least_one_day()
    {
        AssertSingleError(WithPeriod([], "22:00", "06:00"), "periods[0].days");
        AssertSingleError(Night with { Periods = [new(null, "22:00", "06:00")] }, "periods[0].days");
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("7pm")]
    [InlineData("7:00")]
    [InlineData("07:60")]
    [InlineData("07:00:00")]
    [InlineData("24:00")]
    [InlineData("０７:００")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_start_time_is_refused(string? start)
    {
        AssertSingleError(WithPeriod(["Mon"], start, "06:00"), "periods[0].start");
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:01")]
    [InlineData("6am")]
    [InlineData(null)]
    public void A_bad_end_time_is_refused(string? end)
    {
        AssertSingleError(WithPeriod(["Mon"], "22:00", end), "periods[0].end");
    }

    [Theory]
    [InlineData("22:00", "22:00")]
    [InlineData("00:00", "00:00")]
    public void A_period_that_ends_when_it_starts_is_refused(string start, string end)
    {
        AssertSingleError(WithPeriod(["Mon"], start, end), "periods[0].end");
    }

    [Fact]
    public void Errors_name_the_period_they_belong_to()
    {
        var definition = Night with { Periods = [new(["Mon"], "08:00", "12:00"), new(["Tue"], "08:00", "7pm")] };

        AssertSingleError(definition, "periods[1].end");
    }

    [Fact]
    public void Periods_are_required_but_may_be_empty()
    {
        AssertSingleError(Night with { Periods = null }, "periods");
        Assert.Empty((Night with { Periods = [] }).Validate());
    }

    [Fact]
    public void A_null_period_is_refused()
    {
        AssertSingleError(Night with { Periods = [null] }, "periods[0]");
    }

    [Fact]
    public void At_most_50_periods_are_accepted()
    {
        var period = new ShiftPeriodDefinition(["Mon"], "08:00", "09:00");

        Assert.Empty((Night with { Periods = [.. Enumerable.Repeat(period, ShiftDefinition.MaxPeriods)] }).Validate());
        AssertSingleError(Night with { Periods = [.. Enumerable.Repeat(period, ShiftDefinition.MaxPeriods + 1)] }, "periods");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("25.12.2026")]
    [InlineData("2026-12-25T00:00")]
    [InlineData("1999-12-31")]
    [InlineData("2200-01-01")]
    [InlineData(null)]
    public void A_bad_exception_date_is_refused(string? date)
    {
        AssertSingleError(Night with { Exceptions = ["2026-12-24", date] }, "exceptions[1]");
    }

    [Fact]
    public void A_repeated_exception_date_is_refused()
    {
        AssertSingleError(Night with { Exceptions = ["2026-12-25", "2026-12-25"] }, "exceptions[1]");
    }

    [Theory]
    [InlineData("2026-12-24T18:00", "2026-12-24T18:00", "extraPeriods[0].end")]
    [InlineData("2026-12-24T18:00", "2026-12-24T17:00", "extraPeriods[0].end")]
    [InlineData("2026-12-24 18:00", "2026-12-24T22:00", "extraPeriods[0].start")]
    [InlineData("2026-12-24T18:00+01:00", "2026-12-24T22:00", "extraPeriods[0].start")]
    [InlineData("2026-12-24T18:00", "2026-12-24T24:00", "extraPeriods[0].end")]
    [InlineData("2026-12-24T18:00", null, "extraPeriods[0].end")]
    public void A_bad_extra_period_is_refused(string? start, string? end, string field)
    {
        AssertSingleError(Night with { ExtraPeriods = [new(start, end)] }, field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("oc:{ws}")]
    [InlineData(null)]
    public void A_bad_member_id_is_refused(string? member)
    {
        AssertSingleError(Night with { Members = ["agent-1", member] }, "members[1]");
    }

    [Fact]
    public void A_repeated_member_is_refused()
    {
        AssertSingleError(Night with { Members = ["agent-1", "agent-1"] }, "members[1]");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var definition = new ShiftDefinition("", "Nowhere", [new(["Funday"], "25:00", "7pm")], ["tomorrow"]);

        Assert.Equal(
            ["name", "timeZone", "periods[0].days[0]", "periods[0].start", "periods[0].end", "exceptions[0]"],
            definition.Validate().Select(e => e.Field));
    }

    [Fact]
    public void Converting_an_invalid_definition_throws_its_validation_errors()
    {
        var error = Assert.Throws<RequestValidationException>(() => (Night with { TimeZone = "Nowhere" }).ToShift("night"));

        Assert.Equal("timeZone", Assert.Single(error.Errors).Field);
    }

    private static void AssertSingleError(ShiftDefinition definition, string field)
    {
        var error = Assert.Single(definition.Validate());
        Assert.Equal(field, error.Field);
        Assert.Throws<RequestValidationException>(() => definition.ToShift("x"));
    }
}
