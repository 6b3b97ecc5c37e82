using Omnichannel.Core.Model;
using Omnichannel.Core.Sla;
using static Omnichannel.Core.Tests.Scheduling.ShiftCalendarTests;

namespace Omnichannel.Core.Tests.Sla;

public class ConversationSlaTests
{
    private static readonly DateTimeOffset Monday10 = At("2026-01-05T10:00+01:00");
    private readonly List<SlaAlert> _alerts = [];

    private static DateTimeOffset Minutes(int minutes) => Monday10.AddMinutes(minutes);

    [Fact]
    public void A_new_conversation_owes_a_first_response_and_a_resolution()
    {
        var sla = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10);

        Assert.Equal(Minutes(30), sla.FirstResponse!.Due);
        Assert.Equal(Minutes(24), sla.FirstResponse.WarnAt);
        Assert.Null(sla.NextResponse);
        Assert.Equal(Monday10.AddHours(8), sla.Resolution!.Due);
        Assert.Equal(Minutes(30), sla.NextDue);
    }

    [Fact]
    public void A_reply_in_time_meets_the_first_response_for_good()
    {
        var sla = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10).AgentReply(Minutes(12), _alerts);

        Assert.Equal(SlaClockState.Met, sla.FirstResponse!.State);
        Assert.Equal(Minutes(12), sla.FirstResponse.EndedAt);
        sla = sla.Tick(Minutes(500), _alerts);
        Assert.Equal(SlaClockState.Met, sla.FirstResponse!.State);
        Assert.DoesNotContain(_alerts, a => a.Kind == SlaTargetKind.FirstResponse);
    }

    [Fact]
    public void A_late_first_response_warns_once_and_breaches_once_at_its_deadline()
    {
        var sla = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10);

        sla = sla.Tick(Minutes(25), _alerts).Tick(Minutes(26), _alerts).Tick(Minutes(45), _alerts).AgentReply(Minutes(50), _alerts);

        Assert.Equal(
            [new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Warning, Minutes(24)),
             new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Breach, Minutes(30))],
            _alerts);
        Assert.Equal(SlaClockState.Breached, sla.FirstResponse!.State);
        Assert.Equal([SlaTargetKind.FirstResponse], sla.Breaches);
    }

    [Fact]
    public void The_customer_writing_after_a_reply_starts_the_next_response_clock_once()
    {
        var sla = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10)
            .CustomerMessage(SlaPolicies.Standard(), Minutes(1), _alerts)
            .AgentReply(Minutes(5), _alerts)
            .CustomerMessage(SlaPolicies.Standard(), Minutes(20), _alerts)
            .CustomerMessage(SlaPolicies.Standard(), Minutes(40), _alerts);

        Assert.Equal(Minutes(80), sla.NextResponse!.Due);
        sla = sla.AgentReply(Minutes(70), _alerts);
        Assert.Equal(SlaClockState.Met, sla.NextResponse!.State);
    }

    [Fact]
    public void Pending_pauses_the_clocks_and_open_resumes_them_with_the_time_left()
    {
        var policy = SlaPolicies.Standard();
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10)
            .StatusChanged(policy, ConversationStatus.Pending, Minutes(10), _alerts);

        Assert.Equal(SlaClockState.Paused, sla.FirstResponse!.State);
        Assert.Null(sla.NextDue);
        sla = sla.Tick(Minutes(600), _alerts).StatusChanged(policy, ConversationStatus.Open, Minutes(100), _alerts);

        Assert.Empty(_alerts);
        Assert.Equal(Minutes(120), sla.FirstResponse!.Due);
    }

    [Fact]
    public void Without_pausing_pending_time_counts()
    {
        var policy = SlaPolicies.Standard(pauseWhilePending: false);
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10)
            .StatusChanged(policy, ConversationStatus.Pending, Minutes(10), _alerts)
            .Tick(Minutes(31), _alerts);

        Assert.Equal(SlaClockState.Breached, sla.FirstResponse!.State);
    }

    [Fact]
    public void Resolving_meets_the_resolution_and_a_reopen_restarts_it_and_the_next_response()
    {
        var policy = SlaPolicies.Standard();
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10)
            .AgentReply(Minutes(5), _alerts)
            .StatusChanged(policy, ConversationStatus.Resolved, Minutes(6), _alerts);

        Assert.Equal(SlaClockState.Met, sla.Resolution!.State);
        sla = sla.Reopened(policy, Minutes(1000), _alerts);

        Assert.Equal(SlaClockState.Met, sla.FirstResponse!.State);
        Assert.Equal(Minutes(1060), sla.NextResponse!.Due);
        Assert.Equal(Minutes(1000).AddHours(8), sla.Resolution!.Due);
    }

    [Fact]
    public void A_conversation_resolved_without_a_reply_owes_a_first_response_again_when_reopened()
    {
        var policy = SlaPolicies.Standard();
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10)
            .StatusChanged(policy, ConversationStatus.Resolved, Minutes(5), _alerts);

        Assert.Equal(SlaClockState.Stopped, sla.FirstResponse!.State);
        sla = sla.Reopened(policy, Minutes(100), _alerts);

        Assert.Equal(Minutes(130), sla.FirstResponse!.Due);
        Assert.Null(sla.NextResponse);
    }

    [Fact]
    public void Raising_the_priority_counts_the_time_used_against_the_new_target()
    {
        var policy = SlaPolicies.Standard();
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10).PriorityChanged(policy, Priority.Urgent, Minutes(4), _alerts);

        Assert.Equal(Minutes(10), sla.FirstResponse!.Due);
        Assert.Equal(Monday10.AddHours(2), sla.Resolution!.Due);

        // Twelve minutes in, urgent's 10 are already used: the breach fires at once.
        var late = ConversationSla.Start(policy, Priority.Normal, Monday10).PriorityChanged(policy, Priority.Urgent, Minutes(12), _alerts);
        Assert.Equal(SlaClockState.Breached, late.FirstResponse!.State);
        Assert.Contains(new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Breach, Minutes(12)), _alerts);
    }

    [Fact]
    public void A_priority_without_a_response_target_stops_the_response_clock()
    {
        var policy = SlaPolicies.Standard();
        var sla = ConversationSla.Start(policy, Priority.Normal, Monday10).PriorityChanged(policy, Priority.Low, Minutes(4), _alerts);

        Assert.Equal(SlaClockState.Stopped, sla.FirstResponse!.State);
        Assert.Equal(Monday10.AddDays(5), sla.Resolution!.Due);
    }

    [Fact]
    public void Business_hours_carry_a_first_response_over_the_closed_night()
    {
        var policy = SlaPolicies.Standard(BusinessClockTests.Office());
        var sla = ConversationSla.Start(policy, Priority.Normal, At("2026-01-05T16:50+01:00"));

        Assert.Equal(At("2026-01-06T09:20+01:00"), sla.FirstResponse!.Due);
        Assert.Equal(At("2026-01-06T09:14+01:00"), sla.FirstResponse.WarnAt);
    }

    [Fact]
    public void The_example_week_of_docs_sla_md_holds()
    {
        var policy = SlaPolicies.Standard(BusinessClockTests.Office());
        var sla = ConversationSla.Start(policy, Priority.Normal, At("2026-01-05T16:50+01:00"));
        Assert.Equal((At("2026-01-06T09:20+01:00"), At("2026-01-06T09:14+01:00")), (sla.FirstResponse!.Due, sla.FirstResponse.WarnAt));
        Assert.Equal(At("2026-01-06T16:50+01:00"), sla.Resolution!.Due);

        sla = sla.AgentReply(At("2026-01-06T09:35+01:00"), _alerts);
        Assert.Equal(
            [new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Warning, At("2026-01-06T09:14+01:00")),
             new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertKind.Breach, At("2026-01-06T09:20+01:00"))],
            _alerts);
        Assert.Equal(SlaClockState.Breached, sla.FirstResponse!.State);

        sla = sla.CustomerMessage(policy, At("2026-01-06T10:00+01:00"), _alerts);
        Assert.Equal(At("2026-01-06T11:00+01:00"), sla.NextResponse!.Due);

        sla = sla.StatusChanged(policy, ConversationStatus.Pending, At("2026-01-06T10:30+01:00"), _alerts);
        Assert.Equal(TimeSpan.FromMinutes(30), sla.NextResponse!.Target - sla.NextResponse.Used);
        Assert.Equal(TimeSpan.FromMinutes(6 * 60 + 20), sla.Resolution!.Target - sla.Resolution.Used);

        sla = sla.StatusChanged(policy, ConversationStatus.Open, At("2026-01-09T15:00+01:00"), _alerts)
            .CustomerMessage(policy, At("2026-01-09T15:00+01:00"), _alerts);
        Assert.Equal(At("2026-01-09T15:30+01:00"), sla.NextResponse!.Due);
        Assert.Equal(At("2026-01-12T13:20+01:00"), sla.Resolution!.Due);

        sla = sla.AgentReply(At("2026-01-09T15:20+01:00"), _alerts)
            .StatusChanged(policy, ConversationStatus.Resolved, At("2026-01-09T15:20+01:00"), _alerts);
        Assert.Equal((SlaClockState.Met, SlaClockState.Met), (sla.NextResponse!.State, sla.Resolution!.State));
        Assert.Equal([SlaTargetKind.FirstResponse], sla.Breaches);
    }

    [Fact]
    public void Two_promises_alike_are_equal_even_when_their_breaches_are_different_lists()
    {
        var breached = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10).Tick(Minutes(31), _alerts);
        var copy = breached with { Breaches = [.. breached.Breaches] };

        Assert.NotSame(breached.Breaches, copy.Breaches);
        Assert.Equal(breached, copy);
        Assert.Equal(breached.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(breached, copy with { Breaches = [] });
    }

    [Fact]
    public void A_withdrawn_promise_stops_its_open_clocks_without_firing_and_keeps_the_final_ones()
    {
        var sla = ConversationSla.Start(SlaPolicies.Standard(), Priority.Normal, Monday10).AgentReply(Minutes(5), _alerts);

        var withdrawn = sla.Withdraw(Minutes(600));

        Assert.Empty(_alerts);
        Assert.Equal(SlaClockState.Met, withdrawn.FirstResponse!.State);
        Assert.Equal(SlaClockState.Stopped, withdrawn.Resolution!.State);
        Assert.Null(withdrawn.NextDue);
    }
}
