using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

public interface IAgentStore
{
    /// <summary>Creates the agent unless the email is taken; false when it is.</summary>
    Task<bool> TryCreateAsync(Agent agent, CancellationToken cancellationToken = default);

    Task<bool> UpdateAsync(Agent agent, CancellationToken cancellationToken = default);

    Task<Agent?> GetAsync(string agentId, CancellationToken cancellationToken = default);

    Task<Agent?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agent>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed login for the email from the source address, and for the email from anywhere; locks the
    /// (email, source) pair out once the policy's limit is reached inside its window. The email from anywhere is
    /// never locked, so strangers cannot lock an owner out.
    /// </summary>
    Task<LoginThrottle> RecordLoginFailureAsync(string email, string source, DateTimeOffset now,
        LoginThrottlePolicy policy, CancellationToken cancellationToken = default);

    Task<LoginThrottle> GetLoginThrottleAsync(string email, string source, DateTimeOffset now,
        LoginThrottlePolicy policy, CancellationToken cancellationToken = default);

    /// <summary>After a successful login: forgets the (email, source) failures, not the email-wide count.</summary>
    Task ClearLoginFailuresAsync(string email, string source, CancellationToken cancellationToken = default);
}

/// <summary>
/// Failed logins of one email from one source address in the current window, the lockout end for that pair if one
/// is running, and the email's failures from every address in the window.
/// </summary>
public sealed record LoginThrottle(int Failures, DateTimeOffset? LockedUntil, int AccountFailures)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}

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

public interface IApiTokenStore
{
    Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default);

    Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default);
}
