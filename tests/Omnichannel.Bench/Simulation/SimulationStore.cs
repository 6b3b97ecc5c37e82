using Omnichannel.Core.Ports;
using Omnichannel.Redis;

namespace Omnichannel.Bench.Simulation;

/// <summary>The store's ports over one connection, as a server node holds them, counting the calls made.</summary>
public sealed class SimulationStore(RedisConnection connection)
{
    public IConversationStore Conversations { get; } = new RedisConversationStore(connection);

    public IAssignmentStore Assignments { get; } = new RedisAssignmentStore(connection);

    public IAgentStore Agents { get; } = new RedisAgentStore(connection);

    public IQueueStore Queues { get; } = new RedisQueueStore(connection);

    public int Calls { get; private set; }

    /// <summary>Counts one call; every store call of the simulation goes through here.</summary>
    public async Task<T> Call<T>(Func<SimulationStore, Task<T>> call)
    {
        Calls++;
        return await call(this);
    }
}
