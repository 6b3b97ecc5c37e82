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
