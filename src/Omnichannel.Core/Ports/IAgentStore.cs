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

    /// <summary>Counts a failed login; returns the failures inside the window (the window starts at the first failure).</summary>
    Task<long> RecordLoginFailureAsync(string email, TimeSpan window, CancellationToken cancellationToken = default);

    Task ClearLoginFailuresAsync(string email, CancellationToken cancellationToken = default);

    Task<long> GetLoginFailuresAsync(string email, CancellationToken cancellationToken = default);
}

public interface IApiTokenStore
{
    Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default);

    Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default);
}
