using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class ReopenRuleTests
{
    [Fact]
    public void Reopened_conversation_returns_to_its_last_agent_when_eligible_even_if_another_is_next_in_turn()
    {
        AgentState[] agents = [Ready("next-in-turn", lastAssignedAt: null), Ready("last", open: 4, lastAssignedAt: MinutesAgo(1))];

        Assert.Equal(new ReopenDecision("last", ReturnedToLastAgent: true), ReopenRule.Pick(QueuePolicy.RoundRobin, "last", agents));
        Assert.Equal(new ReopenDecision("last", ReturnedToLastAgent: true), ReopenRule.Pick(QueuePolicy.Balanced, "last", agents));
    }

    [Theory]
    [InlineData("offline")]
    [InlineData("off shift")]
    [InlineData("not present")]
    [InlineData("paused")]
    [InlineData("at capacity")]
    [InlineData("left the queue")]
    public void Reopened_conversation_goes_to_the_queue_selection_when_its_last_agent_is_not_eligible(string why)
    {
        var last = Ready("last", open: 1);
        last = why switch
        {
            "offline" => last with { Availability = Availability.Offline },
            "off shift" => last with { OnShift = false },
            "not present" => last with { IsPresent = false },
            "paused" => last with { IsPaused = true },
            "at capacity" => last with { OpenCount = last.Capacity },
            "left the queue" => last with { IsQueueMember = false },
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        AgentState[] agents = [last, Ready("other", open: 3, lastAssignedAt: MinutesAgo(2))];

        Assert.Equal(new ReopenDecision("other", ReturnedToLastAgent: false), ReopenRule.Pick(QueuePolicy.RoundRobin, "last", agents));
    }

    [Fact]
    public void Reopened_conversation_whose_last_agent_is_unknown_to_the_queue_goes_to_the_queue_selection()
    {
        AgentState[] agents = [Ready("b", lastAssignedAt: MinutesAgo(1)), Ready("a", lastAssignedAt: MinutesAgo(9))];

        Assert.Equal(new ReopenDecision("a", ReturnedToLastAgent: false), ReopenRule.Pick(QueuePolicy.RoundRobin, "deleted-agent", agents));
        Assert.Equal(new ReopenDecision("a", ReturnedToLastAgent: false), ReopenRule.Pick(QueuePolicy.RoundRobin, null, agents));
    }

    [Fact]
    public void Reopened_conversation_waits_in_the_queue_when_nobody_is_eligible()
    {
        AgentState[] agents = [Ready("last") with { Availability = Availability.Offline }, Ready("other") with { IsPaused = true }];

        Assert.Null(ReopenRule.Pick(QueuePolicy.RoundRobin, "last", agents));
    }

    [Fact]
    public void The_last_agent_is_matched_by_exact_id()
    {
        AgentState[] agents = [Ready("Last", lastAssignedAt: MinutesAgo(1)), Ready("other", lastAssignedAt: MinutesAgo(9))];

        Assert.Equal(new ReopenDecision("other", ReturnedToLastAgent: false), ReopenRule.Pick(QueuePolicy.RoundRobin, "last", agents));
    }
}
