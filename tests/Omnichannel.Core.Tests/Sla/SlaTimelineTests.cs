using Omnichannel.Core.Model;
using Omnichannel.Core.Sla;
using static Omnichannel.Core.Tests.Scheduling.ShiftCalendarTests;

namespace Omnichannel.Core.Tests.Sla;

/// <summary>Which transition each change is (SlaTimeline), as the keeper applies the event log.</summary>
public class SlaTimelineTests
{
    private static readonly DateTimeOffset Monday10 = At("2026-01-05T10:00+01:00");
    private readonly List<SlaAlert> _alerts = [];

    private static DateTimeOffset Minutes(int minutes) => Monday10.AddMinutes(minutes);

    private ConversationSla? Apply(ConversationSla? sla, SlaInput input, SlaPolicy? policy = null, bool agentReplied = false) =>
        SlaTimeline.Apply(sla, policy ?? SlaPolicies.Standard(), Priority.Normal, agentReplied, input, _alerts);

    [Fact]
    public void A_customer_message_starts_the_clocks_only_under_a_policy()
    {
        var started = Apply(null, new SlaInput(SlaInputKind.CustomerMessage, Monday10));
        var none = SlaTimeline.Apply(null, null, Priority.Normal, false, new SlaInput(SlaInputKind.CustomerMessage, Monday10), _alerts);

        Assert.Equal(Minutes(30), started!.FirstResponse!.Due);
        Assert.Equal(Monday10.AddHours(8), started.Resolution!.Due);
        Assert.Null(none);
    }

    [Fact]
    public void Only_customer_messages_and_reopening_start_clocks_that_never_ran()
    {
        Assert.Null(Apply(null, new SlaInput(SlaInputKind.AgentReply, Monday10)));
        Assert.Null(Apply(null, new SlaInput(SlaInputKind.StatusChanged, Monday10, Status: ConversationStatus.Pending)));
        Assert.Null(Apply(null, new SlaInput(SlaInputKind.PriorityChanged, Monday10, Priority: Priority.Urgent)));
        Assert.NotNull(Apply(null, new SlaInput(SlaInputKind.Reopened, Monday10)));
    }

    [Fact]
    public void A_queue_that_gets_a_policy_after_agents_replied_owes_the_next_response_not_the_first()
    {
        var sla = Apply(null, new SlaInput(SlaInputKind.CustomerMessage, Monday10), agentReplied: true);

        Assert.Null(sla!.FirstResponse);
        Assert.Equal(Minutes(60), sla.NextResponse!.Due);
    }

    [Fact]
    public void A_conversation_runs_through_reply_answer_pause_and_resolution()
    {
        var sla = Apply(null, new SlaInput(SlaInputKind.CustomerMessage, Monday10));
        sla = Apply(sla, new SlaInput(SlaInputKind.CustomerMessage, Minutes(5)));
        sla = Apply(sla, new SlaInput(SlaInputKind.AgentReply, Minutes(10)));
        Assert.Equal(SlaClockState.Met, sla!.FirstResponse!.State);

        sla = Apply(sla, new SlaInput(SlaInputKind.CustomerMessage, Minutes(20)));
        Assert.Equal(Minutes(80), sla!.NextResponse!.Due);

        sla = Apply(sla, new SlaInput(SlaInputKind.StatusChanged, Minutes(30), Status: ConversationStatus.Pending));
        Assert.Equal(SlaClockState.Paused, sla!.NextResponse!.State);
        sla = Apply(sla, new SlaInput(SlaInputKind.StatusChanged, Minutes(90), Status: ConversationStatus.Open));
        Assert.Equal(Minutes(140), sla!.NextResponse!.Due);

        sla = Apply(sla, new SlaInput(SlaInputKind.StatusChanged, Minutes(100), Status: ConversationStatus.Resolved));
        Assert.Equal(SlaClockState.Stopped, sla!.NextResponse!.State);
        Assert.Equal(SlaClockState.Met, sla.Resolution!.State);
        Assert.Null(sla.NextWake);
        Assert.Empty(_alerts);
    }

    [Fact]
    public void A_priority_change_retargets_with_the_time_used_and_a_withdrawn_policy_stops_what_runs()
    {
        var sla = Apply(null, new SlaInput(SlaInputKind.CustomerMessage, Monday10));
        sla = Apply(sla, new SlaInput(SlaInputKind.PriorityChanged, Minutes(4), Priority: Priority.Urgent));
        Assert.Equal((Priority.Urgent, Minutes(10)), (sla!.Priority, sla.FirstResponse!.Due));

        var stopped = SlaTimeline.Apply(sla, null, Priority.Urgent, false, new SlaInput(SlaInputKind.PolicyChanged, Minutes(5)), _alerts);
        Assert.All(new[] { stopped!.FirstResponse, stopped.Resolution }, c => Assert.Equal(SlaClockState.Stopped, c!.State));
        Assert.Null(stopped.NextWake);
    }

    [Fact]
    public void A_deadline_passed_before_the_next_change_is_breached_at_its_instant_once()
    {
        var sla = Apply(null, new SlaInput(SlaInputKind.CustomerMessage, Monday10));
        Assert.Equal(Minutes(24), sla!.NextWake);

        sla = Apply(sla, new SlaInput(SlaInputKind.AgentReply, Minutes(45)));

        Assert.Equal(
            [new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Warning, Minutes(24)), new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Breach, Minutes(30))],
            _alerts);
        Assert.Equal([SlaTargetKind.FirstResponse], sla!.Breaches);
        Assert.Equal(Monday10.AddHours(8), sla.NextDue);
    }
}
