using System.Globalization;

namespace Omnichannel.Bench;

/// <summary>What to measure, parsed from the command line; unknown or malformed arguments are errors, not ignored.</summary>
internal sealed record BenchOptions
{
    public int Messages { get; init; } = 5000;

    public int Clients { get; init; } = 32;

    /// <summary>Distinct thread keys (conversations) the messages are spread over.</summary>
    public int Threads { get; init; } = 500;

    /// <summary>
    /// Messages sent before measuring, per variant, or fewer when <see cref="WarmupLimit"/> comes first. A fresh server
    /// on 2 busy cores spent 3-4x more CPU per request for its first ~40,000 requests (the JIT's tiering competes with
    /// the load): a warm-up of a few hundred messages measured the JIT, not the server.
    /// </summary>
    public int Warmup { get; init; } = 40_000;

    public TimeSpan WarmupLimit { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Measured runs per variant; the report shows the median of each figure.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>A run stops taking new messages after this long, so one slow variant cannot stall the bench.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    public bool Garnet { get; init; } = true;

    public bool Redis { get; init; } = true;

    public bool StoreMode { get; init; } = true;

    public bool ApiMode { get; init; } = true;

    public string RedisServerPath { get; init; } = "/usr/bin/redis-server";

    public const string Usage = """
        Omnichannel.Bench: ingest load through the store and through the API channel, against embedded Garnet and redis-server.

          --messages N           messages per measured run (default 5000)
          --clients C            concurrent clients (default 32)
          --threads T            conversations (thread keys) the messages are spread over (default 500)
          --warmup N             messages sent before measuring, per variant; 0 = none (default 40000)
          --warmup-seconds S     warm-up stops after S seconds even if fewer went in (default 15)
          --runs R               measured runs per variant; the report shows medians (default 1)
          --time-limit S         seconds after which a measured run stops sending; it reports fewer messages (default 20)
          --backend B            garnet | redis | both (default both)
          --mode M               store | api | both (default both)
          --redis-server PATH    redis-server executable (default /usr/bin/redis-server)
          --simulate-week        instead: one simulated week of assignment on the real store (--simulate-week --help)
          --webchat              instead: visitors chat through the visitor hub to one agent (--webchat --help)
        """;

    /// <summary>Null with <paramref name="error"/> set when the arguments are wrong, or when help was asked for (error empty).</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        var options = new BenchOptions();
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
                case "--messages" when TryPositive(value, out var n):
                    options = options with { Messages = n };
                    break;
                case "--clients" when TryPositive(value, out var n):
                    options = options with { Clients = n };
                    break;
                case "--threads" when TryPositive(value, out var n):
                    options = options with { Threads = n };
                    break;
                case "--warmup" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    options = options with { Warmup = n };
                    break;
                case "--warmup-seconds" when TryPositive(value, out var n):
                    options = options with { WarmupLimit = TimeSpan.FromSeconds(n) };
                    break;
                case "--runs" when TryPositive(value, out var n):
                    options = options with { Runs = n };
                    break;
                case "--time-limit" when TryPositive(value, out var n):
                    options = options with { TimeLimit = TimeSpan.FromSeconds(n) };
                    break;
                case "--backend" when value is "garnet" or "redis" or "both":
                    options = options with { Garnet = value != "redis", Redis = value != "garnet" };
                    break;
                case "--mode" when value is "store" or "api" or "both":
                    options = options with { StoreMode = value != "api", ApiMode = value != "store" };
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
