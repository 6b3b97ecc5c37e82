namespace Omnichannel.Core.Ports;

/// <summary>
/// Failed logins of one email from one source address in the current window, the lockout end for that pair if one
/// is running, and the email's failures from every address in the window.
/// </summary>
public sealed record LoginThrottle(int Failures, DateTimeOffset? LockedUntil, int AccountFailures)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}
