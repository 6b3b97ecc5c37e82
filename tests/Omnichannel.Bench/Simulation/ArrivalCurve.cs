using Omnichannel.Core.Scheduling;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// When customers write: a non-homogeneous Poisson process whose rate follows the Berlin wall clock, low at night,
/// rising through the morning, highest late morning to mid-afternoon, and lower at weekends. About 430 new
/// conversations a weekday and 240 a weekend day, some 2,600 a week: at the peak a little over half of the day
/// team's capacity is busy, so a pause or a run of slow conversations now and then makes customers wait.
/// </summary>
public static class ArrivalCurve
{
    // New conversations per hour on a weekday, by local hour 0..23.
    private static readonly double[] WeekdayRate =
    [
        4, 2.5, 2, 1.5, 1.5, 2.5,
        6.5, 13, 22, 30, 36, 38,
        34, 35, 36, 34, 30, 25,
        20, 17, 14, 12, 8, 5,
    ];

    private const double WeekendFactor = 0.55;

    public static double RatePerHour(DateTimeOffset instant)
    {
        var local = WallClock.ToLocal(instant, SimulationTeam.TimeZone);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return WeekdayRate[local.Hour] * (weekend ? WeekendFactor : 1);
    }

    /// <summary>
    /// Arrival instants in [<paramref name="from"/>, <paramref name="to"/>), by thinning a process at the peak rate.
    /// Each falls on a whole millisecond that is never a whole second: the sweep, heartbeats and shift boundaries all
    /// happen on whole seconds, so no arrival ties with them in the store's millisecond scores.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Generate(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var peak = WeekdayRate.Max();
        var arrivals = new List<DateTimeOffset>();
        var t = from;
        var last = long.MinValue;
        while (true)
        {
            t += TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / peak);
            if (t >= to)
            {
                return arrivals;
            }

            if (random.NextDouble() * peak < RatePerHour(t))
            {
                last = OffSecond(Math.Max(t.ToUnixTimeMilliseconds(), last + 1));
                arrivals.Add(DateTimeOffset.FromUnixTimeMilliseconds(last));
            }
        }
    }

    // Distinct milliseconds, never a whole second: two conversations never share a waiting score.
    private static long OffSecond(long ms) => ms % 1000 == 0 ? ms + 1 : ms;
}
