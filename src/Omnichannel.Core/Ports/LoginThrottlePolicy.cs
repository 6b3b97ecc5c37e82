namespace Omnichannel.Core.Ports;

/// <summary>
/// <paramref name="MaxFailures"/> failures of one email from one address within <paramref name="Window"/> lock that
/// address out of that email for <paramref name="Lockout"/>. Past <paramref name="AccountSlowdownAfter"/> failures
/// of the email from anywhere, every attempt at it waits first, doubling from 250 ms up to
/// <paramref name="AccountSlowdownCeiling"/>: a distributed guesser is slowed, the owner is delayed but never locked.
/// </summary>
public sealed record LoginThrottlePolicy(
    int MaxFailures, TimeSpan Window, TimeSpan Lockout, int AccountSlowdownAfter, TimeSpan AccountSlowdownCeiling)
{
    public static readonly TimeSpan FirstSlowdown = TimeSpan.FromMilliseconds(250);

    public TimeSpan AccountDelay(int accountFailures)
    {
        var over = accountFailures - AccountSlowdownAfter;
        if (over <= 0)
        {
            return TimeSpan.Zero;
        }

        // Capped exponent: 2^20 steps of 250 ms is far past any sane ceiling, and the shift cannot overflow.
        var delay = FirstSlowdown * (1L << Math.Min(over - 1, 20));
        return delay < AccountSlowdownCeiling ? delay : AccountSlowdownCeiling;
    }
}
