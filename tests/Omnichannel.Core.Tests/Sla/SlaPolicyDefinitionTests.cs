using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Sla;

public class SlaPolicyDefinitionTests
{
    private static readonly BusinessHoursDefinition Office =
        new("Europe/Berlin", [new ShiftPeriodDefinition(["Mon", "Fri"], "09:00", "17:00")], ["2026-12-25"]);

    private static SlaPolicyDefinition Valid() => new(
        "Standard", new Dictionary<string, SlaTargetsDefinition?> { ["normal"] = new(30, 60, 480), ["low"] = new(null, null, 7200) }, Office, 80);

    [Fact]
    public void A_valid_definition_reads_into_a_policy_and_back()
    {
        var policy = Valid().ToPolicy("standard");

        Assert.Equal(TimeSpan.FromMinutes(30), policy.Target(Priority.Normal, SlaTargetKind.FirstResponse));
        Assert.Null(policy.Target(Priority.Low, SlaTargetKind.FirstResponse));
        Assert.Null(policy.Target(Priority.Urgent, SlaTargetKind.Resolution));
        Assert.Equal("Europe/Berlin", policy.BusinessHours!.TimeZoneId);
        Assert.Equal([new DateOnly(2026, 12, 25)], policy.BusinessHours.Exceptions);
        Assert.True(policy.PauseWhilePending);

        var back = SlaPolicyDefinition.From(policy);
        Assert.Equal(new SlaTargetsDefinition(30, 60, 480), back.Targets!["normal"]);
        Assert.Equal(["2026-12-25"], back.BusinessHours!.Exceptions);
    }

    [Fact]
    public void Around_the_clock_is_a_null_calendar()
    {
        Assert.Null((Valid() with { BusinessHours = null }).ToPolicy("x").BusinessHours);
    }

    [Fact]
    public void Every_problem_is_named_with_its_field()
    {
        var bad = new SlaPolicyDefinition(
            " ",
            new Dictionary<string, SlaTargetsDefinition?> { ["normal"] = new(0, -5, SlaPolicyDefinition.MaxTargetMinutes + 1), ["asap"] = new(1, 1, 1), ["high"] = null },
            new BusinessHoursDefinition("Mars/Olympus", [new ShiftPeriodDefinition(["Mon"], "25:00", "17:00")]),
            100);

        var fields = bad.Validate().Select(e => e.Field).ToList();

        Assert.Equal(
            ["name", "targets.normal.firstResponseMinutes", "targets.normal.nextResponseMinutes", "targets.normal.resolutionMinutes",
             "targets", "targets.high", "businessHours.timeZone", "businessHours.periods[0].start", "warnAtPercent"],
            fields);
        Assert.Throws<RequestValidationException>(() => bad.ToPolicy("x"));
    }

    [Fact]
    public void A_priority_key_that_is_not_one_is_not_echoed()
    {
        var bad = Valid() with { Targets = new Dictionary<string, SlaTargetsDefinition?> { ["<script>"] = new(1, 1, 1) } };

        Assert.DoesNotContain(bad.Validate(), e => e.Field.Contains('<') || e.Message.Contains('<'));
    }

    [Fact]
    public void Targets_are_required()
    {
        Assert.Equal("targets", Assert.Single((Valid() with { Targets = null }).Validate()).Field);
    }
}
