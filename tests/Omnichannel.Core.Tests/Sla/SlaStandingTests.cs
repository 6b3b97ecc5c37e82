using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Tests.Sla;

public class SlaStandingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static SlaSubject Subject(string id, ConversationSla sla) => new(id, "q", sla.Priority, false, sla, 1);

    [Fact]
    public void Without_warnings_a_clock_is_at_risk_in_the_last_fifth_of_its_target_and_nearest_deadline_comes_first()
    {
        var policy = SlaPolicies.Standard(warnAtPercent: null);
        var early = ConversationSla.Start(policy, Priority.Normal, T0);
        var late = ConversationSla.Start(policy, Priority.Urgent, T0.AddMinutes(10));

        Assert.Empty(SlaStanding.Of([Subject("a", early), Subject("b", late)], T0.AddMinutes(15)).AtRisk);
        // At 10:18 the urgent one (due 10:20) has 2 of 10 minutes left; the normal one (due 10:30) 12 of 30.
        Assert.Equal(["b"], SlaStanding.Of([Subject("a", early), Subject("b", late)], T0.AddMinutes(18)).AtRisk);
        // At 10:25 both: the urgent one's deadline passed unseen by the keeper, still at risk, and it comes first.
        Assert.Equal(["b", "a"], SlaStanding.Of([Subject("a", early), Subject("b", late)], T0.AddMinutes(25)).AtRisk);
    }

    [Fact]
    public void A_breached_conversation_counts_as_breached_not_at_risk_and_a_paused_one_as_neither()
    {
        var policy = SlaPolicies.Standard();
        var alerts = new List<SlaAlert>();
        var breached = ConversationSla.Start(policy, Priority.Normal, T0).Tick(T0.AddMinutes(31), alerts);
        var paused = ConversationSla.Start(policy, Priority.Normal, T0).StatusChanged(policy, ConversationStatus.Pending, T0.AddMinutes(25), alerts);

        var standing = SlaStanding.Of([Subject("a", breached), Subject("b", paused)], T0.AddMinutes(40));

        Assert.Equal(["a"], standing.Breached);
        Assert.Empty(standing.AtRisk);
    }
}
