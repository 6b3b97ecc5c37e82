using System.Globalization;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// What to simulate: the week (or fewer days) from a Monday in Europe/Berlin, the random seed everything random is
/// drawn from, the sweep tick and the queue's unanswered timeout. The same options always give the same figures.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The week of the autumn clock change: Sunday 2026-10-25 has 25 hours and its night shift 9.</summary>
    public static readonly DateOnly DefaultWeekStart = new(2026, 10, 19);

    public int Seed { get; init; } = 42;

    /// <summary>A Monday; the simulation starts at 00:00 local time on it.</summary>
    public DateOnly WeekStart { get; init; } = DefaultWeekStart;

    public int Days { get; init; } = 7;

    /// <summary>Instead of <see cref="Days"/>: this many hours from the start (a short run for tests).</summary>
    public int? Hours { get; init; }

    /// <summary>How often the sweep runs (shift boundaries, presence expiry, timeouts, drain), as the server's sweeper.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The queue's unanswered timeout; agents sometimes forget to answer, so it fires now and then.</summary>
    public int UnansweredTimeoutMinutes { get; init; } = 15;

    /// <summary>garnet (embedded, the default store) or redis (a redis-server child process).</summary>
    public string Backend { get; init; } = "garnet";

    public string RedisServerPath { get; init; } = "/usr/bin/redis-server";

    public const string Usage = """
        Omnichannel.Bench --simulate-week: one week of a support team on the real store with a fake clock, every
        assignment checked against an independent model of who was eligible.

          --seed N               random seed; the same seed gives the same figures (default 42)
          --week-start DATE      a Monday, yyyy-MM-dd (default 2026-10-19: Europe/Berlin leaves summer time that Sunday)
          --days D               days to simulate from that Monday (default 7)
          --tick-seconds S       seconds between sweeps (default 30; at most 30, presence lasts 60 s)
          --timeout-minutes M    the queue's unanswered timeout (default 15)
          --backend B            garnet | redis (default garnet)
          --redis-server PATH    redis-server executable (default /usr/bin/redis-server)
        """;

    /// <summary>Null with <paramref name="error"/> set when the arguments are wrong, or when help was asked for (error empty).</summary>
    public static SimulationOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        var options = new SimulationOptions();
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                    options = options with { Seed = n };
                    break;
                case "--week-start" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && day.DayOfWeek == DayOfWeek.Monday:
                    options = options with { WeekStart = day };
                    break;
                case "--days" when TryPositive(value, out var n) && n <= 28:
                    options = options with { Days = n };
                    break;
                case "--tick-seconds" when TryPositive(value, out var n) && n <= 30:
                    options = options with { Tick = TimeSpan.FromSeconds(n) };
                    break;
                case "--timeout-minutes" when TryPositive(value, out var n):
                    options = options with { UnansweredTimeoutMinutes = n };
                    break;
                case "--backend" when value is "garnet" or "redis":
                    options = options with { Backend = value };
                    break;
                case "--redis-server":
                    options = options with { RedisServerPath = value };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        return options;
    }

    private static bool TryPositive(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
}
