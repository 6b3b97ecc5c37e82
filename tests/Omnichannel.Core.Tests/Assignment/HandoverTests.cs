using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class HandoverTests
{
    [Theory]
    [InlineData(HandoverPolicy.Keep, false, false, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.Keep, false, true, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.Keep, true, false, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.Keep, true, true, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.RequeueWhenOffline, false, false, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.RequeueWhenOffline, false, true, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.RequeueWhenOffline, true, false, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.RequeueWhenOffline, true, true, HandoverDecision.Requeue)]
    [InlineData(HandoverPolicy.Requeue, false, false, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.Requeue, false, true, HandoverDecision.Keep)]
    [InlineData(HandoverPolicy.Requeue, true, false, HandoverDecision.Requeue)]
    [InlineData(HandoverPolicy.Requeue, true, true, HandoverDecision.Requeue)]
    public void Handover_follows_the_queue_policy(HandoverPolicy policy, bool leftShift, bool isOffline, HandoverDecision expected)
    {
        Assert.Equal(expected, Handover.Decide(policy, leftShift, isOffline));
    }

    [Fact]
    public void An_agent_still_on_shift_keeps_their_conversations_even_when_offline()
    {
        var offlineOnShift = Ready("ana") with { Availability = Availability.Offline, IsPresent = false };

        Assert.Equal(HandoverDecision.Keep, Handover.Decide(HandoverPolicy.Requeue, offlineOnShift));
        Assert.Equal(HandoverDecision.Keep, Handover.Decide(HandoverPolicy.RequeueWhenOffline, offlineOnShift));
    }

    [Fact]
    public void An_agent_who_left_their_shift_but_is_still_connected_keeps_their_conversations_by_default()
    {
        var stayingLate = Ready("ana") with { OnShift = false, Availability = Availability.Busy };

        Assert.False(Handover.IsOffline(stayingLate));
        Assert.Equal(HandoverDecision.Keep, Handover.Decide(HandoverPolicy.RequeueWhenOffline, stayingLate));
        Assert.Equal(HandoverDecision.Requeue, Handover.Decide(HandoverPolicy.Requeue, stayingLate));
    }

    [Fact]
    public void An_agent_who_left_their_shift_and_lost_their_connection_counts_as_offline()
    {
        var goneWithoutSayingSo = Ready("ana") with { OnShift = false, Availability = Availability.Online, IsPresent = false };
        var signedOff = Ready("ana") with { OnShift = false, Availability = Availability.Offline, IsPresent = true };

        Assert.True(Handover.IsOffline(goneWithoutSayingSo));
        Assert.True(Handover.IsOffline(signedOff));
        Assert.Equal(HandoverDecision.Requeue, Handover.Decide(HandoverPolicy.RequeueWhenOffline, goneWithoutSayingSo));
        Assert.Equal(HandoverDecision.Requeue, Handover.Decide(HandoverPolicy.RequeueWhenOffline, signedOff));
    }
}
