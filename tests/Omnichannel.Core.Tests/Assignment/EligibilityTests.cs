using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class EligibilityTests
{
    public static TheoryData<string, Ineligibility> OneFailingCondition => new()
    {
        { "not a member", Ineligibility.NotQueueMember },
        { "off shift", Ineligibility.OffShift },
        { "busy", Ineligibility.Busy },
        { "offline", Ineligibility.Offline },
        { "not present", Ineligibility.NotPresent },
        { "paused", Ineligibility.Paused },
        { "at capacity", Ineligibility.AtCapacity },
    };

    [Fact]
    public void A_present_online_member_on_shift_below_capacity_is_eligible()
    {
        var agent = Ready("ana", open: 4, capacity: 5);

        Assert.True(Eligibility.IsEligible(agent));
        Assert.Equal(Ineligibility.None, Eligibility.Check(agent));
        Assert.True(Eligibility.IsOnDuty(agent));
    }

    [Theory]
    [MemberData(nameof(OneFailingCondition))]
    public void Each_condition_that_fails_alone_makes_the_agent_ineligible_and_is_the_reason(string condition, Ineligibility reason)
    {
        var agent = Break(Ready("ana", open: 2, capacity: 5), condition);

        Assert.False(Eligibility.IsEligible(agent));
        Assert.Equal(reason, Eligibility.Check(agent));
    }

    [Fact]
    public void An_agent_with_capacity_zero_is_never_eligible()
    {
        Assert.Equal(Ineligibility.AtCapacity, Eligibility.Check(Ready("ana", open: 0, capacity: 0)));
    }

    [Fact]
    public void An_agent_above_capacity_after_a_lead_lowered_it_is_at_capacity()
    {
        Assert.Equal(Ineligibility.AtCapacity, Eligibility.Check(Ready("ana", open: 7, capacity: 3)));
    }

    [Fact]
    public void When_several_conditions_fail_the_first_in_order_is_the_reason()
    {
        var offlinePausedAtCapacity = Ready("ana", open: 5, capacity: 5) with { Availability = Availability.Offline, IsPaused = true };
        var offShiftAndOffline = Ready("ana") with { OnShift = false, Availability = Availability.Offline };

        Assert.Equal(Ineligibility.Offline, Eligibility.Check(offlinePausedAtCapacity));
        Assert.Equal(Ineligibility.OffShift, Eligibility.Check(offShiftAndOffline));
    }

    [Fact]
    public void An_agent_at_capacity_is_still_on_duty()
    {
        Assert.True(Eligibility.IsOnDuty(Ready("ana", open: 5, capacity: 5)));
    }

    [Theory]
    [InlineData("not a member")]
    [InlineData("off shift")]
    [InlineData("busy")]
    [InlineData("offline")]
    [InlineData("not present")]
    [InlineData("paused")]
    public void Any_failing_condition_but_capacity_takes_the_agent_off_duty(string condition)
    {
        Assert.False(Eligibility.IsOnDuty(Break(Ready("ana"), condition)));
    }

    private static AgentState Break(AgentState agent, string condition) => condition switch
    {
        "not a member" => agent with { IsQueueMember = false },
        "off shift" => agent with { OnShift = false },
        "busy" => agent with { Availability = Availability.Busy },
        "offline" => agent with { Availability = Availability.Offline },
        "not present" => agent with { IsPresent = false },
        "paused" => agent with { IsPaused = true },
        "at capacity" => agent with { OpenCount = agent.Capacity },
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };
}
