using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Hosting;

/// <summary>Bound from <c>Omnichannel:RateLimits</c>. 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Omnichannel:RateLimits";

    /// <summary>Inbound messages per second per API token (a token bucket allowing bursts of twice as many).</summary>
    [Range(0, 1_000_000)]
    public int InboundPerSecond { get; set; } = 500;

    /// <summary>Login attempts per minute per client IP address, on top of the per-email lockout.</summary>
    [Range(0, 100_000)]
    public int LoginPerMinute { get; set; } = 30;
}
