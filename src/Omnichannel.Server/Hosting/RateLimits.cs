using System.Globalization;
using System.Threading.RateLimiting;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Hosting;

/// <summary>Floods get a 429 problem and change nothing; limits are per node.</summary>
public static class RateLimits
{
    public const string Inbound = "inbound";
    public const string Login = "login";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastLogged = new(StringComparer.Ordinal);
    private static long _rejectedSinceLog;

    // Keeps the per-client log throttle from growing without bound under a flood of distinct addresses.
    private static void TrimLog(long now)
    {
        if (LastLogged.Count > 10_000)
        {
            foreach (var (client, at) in LastLogged)
            {
                if (now - at > 60_000)
                {
                    LastLogged.TryRemove(client, out _);
                }
            }
        }
    }

    public static IHostApplicationBuilder AddInboxRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                // One line per client and minute: a flood must not turn into a log flood.
                var client = ClientKey(context.HttpContext);
                var now = Environment.TickCount64;
                var last = LastLogged.GetOrAdd(client, long.MinValue);
                if (now - last >= 60_000 && LastLogged.TryUpdate(client, now, last))
                {
                    var rejectedSince = Interlocked.Exchange(ref _rejectedSinceLog, 0) + 1;
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Omnichannel.RateLimits")
                        .LogWarning("Rate limit hit on {Path} by {Client} ({Rejected} requests refused since the last such line)",
                            context.HttpContext.Request.Path, client, rejectedSince);
                    TrimLog(now);
                }
                else
                {
                    Interlocked.Increment(ref _rejectedSinceLog);
                }

                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.", detail: "Slow down and retry later.")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(Inbound, http => options.InboundPerSecond == 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.InboundPerSecond * 2,
                    TokensPerPeriod = options.InboundPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            limiter.AddPolicy(Login, http => options.LoginPerMinute == 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    // The limiter runs after authentication: an API token is its own partition, anything else goes by address.
    private static string ClientKey(HttpContext http) =>
        http.User.GetTokenId() is { } token ? "token:" + token : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
