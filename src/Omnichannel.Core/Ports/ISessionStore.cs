using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Agents' sign-in sessions. A session lives <c>idleTimeout</c> past its last touch and no longer; every
/// method takes ids already checked with <see cref="SessionIds.IsWellFormed"/>.
/// </summary>
public interface ISessionStore
{
    Task CreateAsync(AgentSession session, TimeSpan idleTimeout, CancellationToken cancellationToken = default);

    Task<AgentSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Records the session as seen now and restarts its idle timeout; false when it has ended.</summary>
    Task<bool> TouchAsync(AgentSession session, DateTimeOffset now, TimeSpan idleTimeout,
        CancellationToken cancellationToken = default);

    /// <summary>The agent's live sessions, oldest first.</summary>
    Task<IReadOnlyList<AgentSession>> ListAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Ends the session if it is the agent's; false when it is another agent's or does not exist.</summary>
    Task<bool> DeleteAsync(string agentId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the agent but <paramref name="exceptSessionId"/>; returns the count.</summary>
    Task<int> DeleteAllAsync(string agentId, string? exceptSessionId = null,
        CancellationToken cancellationToken = default);
}
