using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class AssignmentSelectorTests
{
    [Fact]
    public void Round_robin_picks_an_agent_never_assigned_before_anyone_else()
    {
        AgentState[] agents = [Ready("a", lastAssignedAt: MinutesAgo(600)), Ready("b", open: 4, lastAssignedAt: null)];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.RoundRobin, agents));
    }

    [Fact]
    public void Round_robin_picks_the_agent_assigned_longest_ago_whatever_their_load()
    {
        AgentState[] agents =
        [
            Ready("a", open: 0, lastAssignedAt: MinutesAgo(5)),
            Ready("b", open: 3, lastAssignedAt: MinutesAgo(30)),
            Ready("c", open: 1, lastAssignedAt: MinutesAgo(10)),
        ];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.RoundRobin, agents));
    }

    [Fact]
    public void Round_robin_breaks_a_tie_in_last_assignment_by_fewest_open_then_by_agent_id()
    {
        AgentState[] sameTimeDifferentLoad = [Ready("a", open: 2, lastAssignedAt: MinutesAgo(5)), Ready("b", open: 1, lastAssignedAt: MinutesAgo(5))];
        AgentState[] sameTimeSameLoad = [Ready("b", open: 1, lastAssignedAt: MinutesAgo(5)), Ready("a", open: 1, lastAssignedAt: MinutesAgo(5))];
        AgentState[] neverAssigned = [Ready("b", open: 0), Ready("a", open: 0), Ready("c", open: 0)];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.RoundRobin, sameTimeDifferentLoad));
        Assert.Equal("a", AssignmentSelector.Pick(QueuePolicy.RoundRobin, sameTimeSameLoad));
        Assert.Equal("a", AssignmentSelector.Pick(QueuePolicy.RoundRobin, neverAssigned));
    }

    [Fact]
    public void Balanced_picks_the_agent_with_fewest_open_whenever_they_were_last_assigned()
    {
        AgentState[] agents =
        [
            Ready("a", open: 3, lastAssignedAt: null),
            Ready("b", open: 1, lastAssignedAt: MinutesAgo(1)),
            Ready("c", open: 2, lastAssignedAt: MinutesAgo(60)),
        ];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.Balanced, agents));
    }

    [Fact]
    public void Balanced_breaks_a_tie_in_open_by_longest_since_last_assignment_then_by_agent_id()
    {
        AgentState[] differentTimes = [Ready("a", open: 1, lastAssignedAt: MinutesAgo(5)), Ready("b", open: 1, lastAssignedAt: MinutesAgo(50))];
        AgentState[] neverBeatsAnyTime = [Ready("a", open: 1, lastAssignedAt: MinutesAgo(500)), Ready("b", open: 1, lastAssignedAt: null)];
        AgentState[] allEqual = [Ready("b", open: 1, lastAssignedAt: MinutesAgo(5)), Ready("a", open: 1, lastAssignedAt: MinutesAgo(5))];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.Balanced, differentTimes));
        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.Balanced, neverBeatsAnyTime));
        Assert.Equal("a", AssignmentSelector.Pick(QueuePolicy.Balanced, allEqual));
    }

    [Theory]
    [InlineData(QueuePolicy.RoundRobin)]
    [InlineData(QueuePolicy.Balanced)]
    public void An_ineligible_agent_is_skipped_even_when_they_would_go_first(QueuePolicy policy)
    {
        AgentState[] agents =
        [
            Ready("a", open: 0, lastAssignedAt: null) with { IsPaused = true },
            Ready("b", open: 5, capacity: 5, lastAssignedAt: null),
            Ready("c", open: 2, lastAssignedAt: MinutesAgo(1)),
        ];

        Assert.Equal("c", AssignmentSelector.Pick(policy, agents));
    }

    [Theory]
    [InlineData(QueuePolicy.RoundRobin)]
    [InlineData(QueuePolicy.Balanced)]
    public void Nobody_eligible_means_nobody_is_picked(QueuePolicy policy)
    {
        AgentState[] agents = [Ready("a") with { OnShift = false }, Ready("b") with { Availability = Availability.Busy }];

        Assert.Null(AssignmentSelector.Pick(policy, agents));
        Assert.Null(AssignmentSelector.Pick(policy, []));
    }

    [Fact]
    public void Last_assignment_times_compare_as_instants_whatever_their_offset()
    {
        // 09:00 in Tokyo is 00:00 UTC: earlier than 08:00 UTC although the clock reading is later.
        var tokyoMorning = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(9));
        var utcMorning = new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);
        AgentState[] agents = [Ready("a", lastAssignedAt: utcMorning), Ready("b", lastAssignedAt: tokyoMorning)];

        Assert.Equal("b", AssignmentSelector.Pick(QueuePolicy.RoundRobin, agents));
    }

    [Fact]
    public void Agent_ids_break_ties_ordinally_so_upper_case_sorts_before_lower_case()
    {
        AgentState[] agents = [Ready("agent-b"), Ready("Agent-z")];

        Assert.Equal("Agent-z", AssignmentSelector.Pick(QueuePolicy.RoundRobin, agents));
    }
}
