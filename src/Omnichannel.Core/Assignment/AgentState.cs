namespace Omnichannel.Core.Assignment;

/// <summary>
/// One agent as seen by one queue at one instant: everything the assignment rules decide on, already computed by the
/// caller. The rules never look at clocks, calendars or connections themselves, so the store's Lua scripts can be fed
/// the same values and must reach the same decisions.
/// </summary>
/// <param name="AgentId">Compared ordinally to break every remaining tie; ids are ASCII, so this is also byte order.</param>
/// <param name="IsPresent">A live agent-hub connection, or a heartbeat within the last 60 seconds.</param>
/// <param name="OnShift">A shift the agent is a member of is on now.</param>
/// <param name="IsPaused">A lead paused the agent: no new assignments, without going offline.</param>
/// <param name="OpenCount">The agent's open conversations across all queues: what <paramref name="Capacity"/> bounds.</param>
/// <param name="IsQueueMember">The agent is a member of the queue being decided for.</param>
/// <param name="LastAssignedAt">When the agent last received a conversation by round-robin or balanced selection; null = never.</param>
public sealed record AgentState(
    string AgentId,
    Availability Availability,
    bool IsPresent,
    bool OnShift,
    bool IsPaused,
    int OpenCount,
    int Capacity,
    bool IsQueueMember,
    DateTimeOffset? LastAssignedAt);
