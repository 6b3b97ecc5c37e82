using System.Globalization;

namespace Omnichannel.Bench.WebChat;

/// <summary>The options of <c>--webchat</c>; unknown or malformed arguments are errors.</summary>
internal sealed record WebChatOptions
{
    public int Visitors { get; init; } = 100;

    public int Messages { get; init; } = 20;

    /// <summary>
    /// Each visitor sends one message per interval. The hub allows 10 per visitor per 10 s; a little over a second
    /// keeps sends that the busy server received closer together than they were sent under the limit.
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(1200);

    public int Runs { get; init; } = 3;

    public bool Redis { get; init; }

    public string RedisServerPath { get; init; } = "/usr/bin/redis-server";

    /// <summary>The agent's capacity is at most 1,000 open conversations; every run opens one per visitor.</summary>
    public const int MaxConversations = 1000;

    public const string Usage = """
        Omnichannel.Bench --webchat: N visitors chat through /hubs/visitor while one agent listens on /hubs/agent.

          --visitors N           visitor connections per run (default 100)
          --messages M           messages per visitor per run (default 20)
          --interval-ms I        each visitor sends one message every I ms (default 1200; the hub allows 10 per 10 s)
          --runs R               measured runs on one server, after one unmeasured warm-up run (default 3); medians reported
          --backend B            garnet | redis (default garnet)
          --redis-server PATH    redis-server executable (default /usr/bin/redis-server)
        """;

    public static WebChatOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        var options = new WebChatOptions();
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
                case "--visitors" when TryPositive(value, out var n):
                    options = options with { Visitors = n };
                    break;
                case "--messages" when TryPositive(value, out var n):
                    options = options with { Messages = n };
                    break;
                case "--interval-ms" when TryPositive(value, out var n):
                    options = options with { Interval = TimeSpan.FromMilliseconds(n) };
                    break;
                case "--runs" when TryPositive(value, out var n):
                    options = options with { Runs = n };
                    break;
                case "--backend" when value is "garnet" or "redis":
                    options = options with { Redis = value == "redis" };
                    break;
                case "--redis-server":
                    options = options with { RedisServerPath = value };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        if (options.Visitors * (options.Runs + 1) > MaxConversations)
        {
            error = $"--visitors x (--runs + 1 warm-up run) opens that many conversations for one agent, at most {MaxConversations}.";
            return null;
        }

        return options;
    }

    private static bool TryPositive(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
}
