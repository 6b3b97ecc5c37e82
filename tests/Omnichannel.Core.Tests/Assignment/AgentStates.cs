using Omnichannel.Core.Assignment;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Assignment;

/// <summary>Agent states for examples: eligible unless a test changes one property.</summary>
internal static class AgentStates
{
    public static readonly DateTimeOffset Now = TestData.Now;

    public static AgentState Ready(string id, int open = 0, int capacity = 5, DateTimeOffset? lastAssignedAt = null) =>
        new(id, Availability.Online, IsPresent: true, OnShift: true, IsPaused: false, open, capacity, IsQueueMember: true, lastAssignedAt);

    public static DateTimeOffset MinutesAgo(int minutes) => Now.AddMinutes(-minutes);
}
