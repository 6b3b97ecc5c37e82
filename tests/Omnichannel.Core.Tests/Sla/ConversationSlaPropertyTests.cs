using CsCheck;
using Omnichannel.Core.Model;
using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Tests.Sla;

/// <summary>
/// Random lives of a conversation — customer and agent messages, status changes, reopenings, priority changes and idle
/// ticks at random gaps — under office hours or around the clock, with and without pausing.
/// </summary>
public class ConversationSlaPropertyTests
{
    private const int Iterations = 1_000;

    private enum Step
    {
        Customer,
        Agent,
        Pending,
        Open,
        Resolve,
        Reopen,
        Priority,
        Tick,
    }

    private static readonly Gen<(Step Step, int Minutes, Priority Priority)> Event =
        from step in Gen.Enum<Step>()
        from minutes in Gen.Frequency((4, Gen.Int[0, 40]), (1, Gen.Int[0, 3 * 24 * 60]))
        from priority in Gen.OneOf(Priority.Low, Priority.Normal, Priority.High, Priority.Urgent)
        select (step, minutes, priority);

    private static readonly Gen<(bool Office, bool Pause, (Step, int, Priority)[] Events)> Life =
        from office in Gen.Bool
        from pause in Gen.Bool
        from events in Event.Array[1, 40]
        select (office, pause, events);

    [Fact]
    public void Every_clock_warns_at_most_once_breaches_at_most_once_and_never_changes_once_final()
    {
        Life.Sample(
            life =>
            {
                var policy = SlaPolicies.Standard(life.Office ? BusinessClockTests.Office() : null, pauseWhilePending: life.Pause);
                var now = DateTimeOffset.Parse("2026-03-27T15:00+01:00", System.Globalization.CultureInfo.InvariantCulture);
                var sla = ConversationSla.Start(policy, Priority.Normal, now);
                var alerts = new List<SlaAlert>();
                var started = new Dictionary<SlaTargetKind, int>
                {
                    [SlaTargetKind.FirstResponse] = 1,
                    [SlaTargetKind.NextResponse] = 0,
                    [SlaTargetKind.Resolution] = 1,
                };
                var status = ConversationStatus.Open;

                foreach (var (step, minutes, priority) in life.Events)
                {
                    now = now.AddMinutes(minutes);
                    var before = sla;
                    var fired = new List<SlaAlert>();
                    (sla, status) = Apply(sla, policy, status, step, priority, now, fired);
                    foreach (var kind in started.Keys)
                    {
                        started[kind] += Started(before, sla, kind);
                    }

                    foreach (var alert in fired)
                    {
                        Assert.True(alert.At <= now, $"{alert} fired before its time {now:O}");
                    }

                    AssertFinalStaysFinal(before.FirstResponse, sla.FirstResponse, step);
                    AssertFinalStaysFinal(before.NextResponse, sla.NextResponse, step);
                    AssertFinalStaysFinal(before.Resolution, sla.Resolution, step);
                    alerts.AddRange(fired);
                }

                // One warning and one breach at most per clock started: count clocks by kind and compare.
                foreach (var kind in Enum.GetValues<SlaTargetKind>())
                {
                    var clocks = started[kind];
                    Assert.True(alerts.Count(a => a.Kind == kind && a.Alert == SlaAlertKind.Breach) <= clocks, $"{kind} breached too often");
                    Assert.True(alerts.Count(a => a.Kind == kind && a.Alert == SlaAlertKind.Warning) <= clocks, $"{kind} warned too often");
                }

                Assert.Equal(alerts.Where(a => a.Alert == SlaAlertKind.Breach).Select(a => a.Kind).Distinct(), sla.Breaches);
            },
            iter: Iterations,
            print: life => $"office={life.Office} pause={life.Pause} {string.Join(", ", life.Events)}");
    }

    private static (ConversationSla, ConversationStatus) Apply(
        ConversationSla sla, SlaPolicy policy, ConversationStatus status, Step step, Priority priority, DateTimeOffset now, List<SlaAlert> fired)
    {
        switch (step)
        {
            case Step.Customer when status == ConversationStatus.Resolved:
            case Step.Reopen when status == ConversationStatus.Resolved:
                return (sla.Reopened(policy, now, fired), ConversationStatus.Open);
            case Step.Customer:
                return (sla.CustomerMessage(policy, now, fired), status);
            case Step.Agent when status != ConversationStatus.Resolved:
                return (sla.AgentReply(now, fired), status);
            case Step.Pending when status != ConversationStatus.Resolved:
                return (sla.StatusChanged(policy, ConversationStatus.Pending, now, fired), ConversationStatus.Pending);
            case Step.Open when status != ConversationStatus.Resolved:
                return (sla.StatusChanged(policy, ConversationStatus.Open, now, fired), ConversationStatus.Open);
            case Step.Resolve when status != ConversationStatus.Resolved:
                return (sla.StatusChanged(policy, ConversationStatus.Resolved, now, fired), ConversationStatus.Resolved);
            case Step.Priority:
                return (sla.PriorityChanged(policy, priority, now, fired), status);
            default:
                return (sla.Tick(now, fired), status);
        }
    }

    /// <summary>A met, breached or stopped clock is the same clock afterwards, unless a new cycle replaced it.</summary>
    private static void AssertFinalStaysFinal(SlaClock? before, SlaClock? after, Step step)
    {
        if (before is { IsFinal: true } && after is not null && !ReferenceEquals(before, after))
        {
            // A new clock of the same kind starts in the Running state with nothing used.
            Assert.True(after.State == SlaClockState.Running && after.Used == TimeSpan.Zero, $"{before} became {after} on {step}");
        }
    }

    /// <summary>Counts the clocks started by a step: one that was absent or final before and runs after it.</summary>
    private static int Started(ConversationSla before, ConversationSla after, SlaTargetKind kind)
    {
        var (was, @is) = kind switch
        {
            SlaTargetKind.FirstResponse => (before.FirstResponse, after.FirstResponse),
            SlaTargetKind.NextResponse => (before.NextResponse, after.NextResponse),
            _ => (before.Resolution, after.Resolution),
        };
        return (was is null || was.IsFinal) && @is is { IsOpen: true } ? 1 : 0;
    }
}
