using CsCheck;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;
using static Omnichannel.Core.Tests.Scheduling.ShiftGenerators;

namespace Omnichannel.Core.Tests.Sla;

/// <summary>Random calendars in a dozen zones, many instants near a clock change, targets from a minute to a week.</summary>
public class BusinessClockPropertyTests
{
    private const int Iterations = 500;

    private static readonly Gen<TimeSpan> Target = Gen.Frequency(
        (3, Gen.Int[1, 240].Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Int[1, 7 * 24 * 60].Select(m => TimeSpan.FromMinutes(m))));

    private static readonly Gen<(Shift Shift, DateTimeOffset Start, TimeSpan Target)> Sample =
        from pair in ShiftAndInstant
        from target in Target
        select (pair.Shift, pair.Instant, target);

    [Fact]
    public void The_working_time_up_to_a_deadline_is_the_target()
    {
        Sample.Sample(
            sample =>
            {
                var (shift, start, target) = sample;
                if (BusinessClock.Add(start, target, shift) is { } due)
                {
                    Assert.Equal(target, BusinessClock.Elapsed(start, due, shift));
                }
            },
            iter: Iterations,
            print: s => $"{Describe(s.Shift)} from {s.Start:O} + {s.Target}");
    }

    [Fact]
    public void A_deadline_falls_in_open_time_or_at_its_end_and_later_targets_are_due_no_earlier()
    {
        Sample.Sample(
            sample =>
            {
                var (shift, start, target) = sample;
                if (BusinessClock.Add(start, target, shift) is not { } due)
                {
                    return;
                }

                // Just before the deadline the office is open: the last tick of working time is spent there.
                Assert.True(ShiftCalendar.IsOn(shift, due - TimeSpan.FromTicks(1)), $"closed just before {due:O}");
                var later = BusinessClock.Add(start, target + TimeSpan.FromMinutes(1), shift);
                Assert.True(later is null || later > due, $"{later:O} is not after {due:O}");
            },
            iter: Iterations,
            print: s => $"{Describe(s.Shift)} from {s.Start:O} + {s.Target}");
    }
}
