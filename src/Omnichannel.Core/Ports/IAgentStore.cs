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

    /// <summary>Counts a failed login; locks the email out once the policy's limit is reached inside its window.</summary>
    Task<LoginThrottle> RecordLoginFailureAsync(string email, DateTimeOffset now, LoginThrottlePolicy policy, CancellationToken cancellationToken = default);

    Task<LoginThrottle> GetLoginThrottleAsync(string email, CancellationToken cancellationToken = default);

    Task ClearLoginFailuresAsync(string email, CancellationToken cancellationToken = default);
}

/// <summary>Failed logins counted in the current window, and the lockout end if one is running.</summary>
public sealed record LoginThrottle(int Failures, DateTimeOffset? LockedUntil)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}

/// <summary><paramref name="MaxFailures"/> failures within <paramref name="Window"/> lock the account for <paramref name="Lockout"/>.</summary>
public sealed record LoginThrottlePolicy(int MaxFailures, TimeSpan Window, TimeSpan Lockout);

public interface IApiTokenStore
{
    Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default);

    Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default);
}
