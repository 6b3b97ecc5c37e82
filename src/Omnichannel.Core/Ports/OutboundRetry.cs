namespace Omnichannel.Core.Ports;

/// <summary>
/// A channel's retry schedule for transient failures: <see cref="First"/>, doubling on each attempt up to
/// <see cref="Cap"/>, with up to 20% jitter so the retries of many replies spread out; the reply fails after
/// <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed record OutboundRetry(TimeSpan First, TimeSpan Cap, int MaxAttempts)
{
    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1 = first); <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan Delay(int attempt, double jitter)
    {
        var doubled = First.TotalSeconds * Math.Pow(2, Math.Clamp(attempt, 1, 30) - 1);
        return TimeSpan.FromSeconds(Math.Min(Cap.TotalSeconds, doubled) * (1 + (Math.Clamp(jitter, 0, 1) * 0.2)));
    }
}
