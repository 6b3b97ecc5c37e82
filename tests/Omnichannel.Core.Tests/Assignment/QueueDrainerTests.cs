using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class QueueDrainerTests
{
    [Fact]
    public void The_queue_drains_oldest_first_until_capacity_runs_out_and_the_rest_keeps_waiting()
    {
        AgentState[] agents = [Ready("a", open: 4, capacity: 5), Ready("b", open: 3, capacity: 4)];
        WaitingConversation[] waiting = [Waiting("newest", 1), Waiting("oldest", 30), Waiting("middle", 10)];

        var result = QueueDrainer.Drain(QueuePolicy.RoundRobin, agents, waiting, Now);

        Assert.Equal([new QueueAssignment("oldest", "b"), new QueueAssignment("middle", "a")], result.Assignments);
    }

    [Fact]
    public void Each_assignment_counts_before_the_next_pick_so_round_robin_alternates()
    {
        AgentState[] agents = [Ready("b", lastAssignedAt: MinutesAgo(20)), Ready("a", lastAssignedAt: MinutesAgo(10))];
        WaitingConversation[] waiting = [Waiting("c1", 4), Waiting("c2", 3), Waiting("c3", 2), Waiting("c4", 1)];

        var result = QueueDrainer.Drain(QueuePolicy.RoundRobin, agents, waiting, Now);

        // b was assigned longest ago; afterwards both were assigned "now", so fewest open (then id) decides.
        Assert.Equal(["b", "a", "a", "b"], result.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void Balanced_drain_fills_the_least_loaded_agent_first()
    {
        AgentState[] agents = [Ready("a", open: 3, capacity: 10), Ready("b", open: 0, capacity: 10)];
        WaitingConversation[] waiting = [Waiting("c1", 5), Waiting("c2", 4), Waiting("c3", 3), Waiting("c4", 2), Waiting("c5", 1)];

        var result = QueueDrainer.Drain(QueuePolicy.Balanced, agents, waiting, Now);

        Assert.Equal(["b", "b", "b", "a", "b"], result.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void The_agents_come_back_with_their_new_load_and_last_assignment_time_in_the_order_given()
    {
        AgentState[] agents = [Ready("z", open: 1, lastAssignedAt: MinutesAgo(5)), Ready("idle", open: 0) with { IsPaused = true }];

        var result = QueueDrainer.Drain(QueuePolicy.RoundRobin, agents, [Waiting("c1", 3), Waiting("c2", 2)], Now);

        Assert.Equal([agents[0] with { OpenCount = 3, LastAssignedAt = Now }, agents[1]], result.Agents);
    }

    [Fact]
    public void Nothing_is_assigned_when_nobody_is_eligible()
    {
        AgentState[] agents = [Ready("a") with { Availability = Availability.Busy }, Ready("b", open: 5, capacity: 5)];

        var result = QueueDrainer.Drain(QueuePolicy.RoundRobin, agents, [Waiting("c1", 3)], Now);

        Assert.Empty(result.Assignments);
        Assert.Equal(agents, result.Agents);
    }

    [Fact]
    public void Draining_an_empty_queue_assigns_nothing()
    {
        Assert.Empty(QueueDrainer.Drain(QueuePolicy.Balanced, [Ready("a")], [], Now).Assignments);
    }

    [Fact]
    public void A_conversation_or_agent_listed_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QueueDrainer.Drain(QueuePolicy.RoundRobin, [Ready("a")], [Waiting("c1", 2), Waiting("c1", 1)], Now));
        Assert.Throws<ArgumentException>(() => QueueDrainer.Drain(QueuePolicy.RoundRobin, [Ready("a"), Ready("a")], [Waiting("c1", 1)], Now));
    }

    private static WaitingConversation Waiting(string id, int minutesAgo) => new(id, MinutesAgo(minutesAgo), SlaDeadline: null);
}
