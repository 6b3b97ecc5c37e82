using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class WaitingOrderTests
{
    [Fact]
    public void An_earlier_sla_deadline_drains_first_even_when_the_conversation_is_younger()
    {
        var old = new WaitingConversation("old", MinutesAgo(60), Now.AddMinutes(30));
        var urgent = new WaitingConversation("urgent", MinutesAgo(1), Now.AddMinutes(5));

        Assert.Equal(["urgent", "old"], Ids(WaitingOrder.Sort([old, urgent])));
    }

    [Fact]
    public void Conversations_without_a_deadline_drain_after_those_with_one()
    {
        var ancient = new WaitingConversation("ancient", MinutesAgo(600), SlaDeadline: null);
        var withDeadline = new WaitingConversation("with-deadline", MinutesAgo(1), Now.AddDays(3));

        Assert.Equal(["with-deadline", "ancient"], Ids(WaitingOrder.Sort([ancient, withDeadline])));
    }

    [Fact]
    public void With_the_same_deadline_the_older_conversation_drains_first_then_the_lower_id()
    {
        var deadline = Now.AddMinutes(30);
        WaitingConversation[] waiting =
        [
            new("c", MinutesAgo(5), deadline),
            new("b", MinutesAgo(10), deadline),
            new("a", MinutesAgo(5), deadline),
            new("z", MinutesAgo(50), null),
            new("y", MinutesAgo(50), null),
        ];

        Assert.Equal(["b", "a", "c", "y", "z"], Ids(WaitingOrder.Sort(waiting)));
    }

    [Fact]
    public void Waiting_times_compare_as_instants_whatever_their_offset()
    {
        var earlierInUtc = new WaitingConversation("earlier", new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(9)), null);
        var later = new WaitingConversation("later", new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), null);

        Assert.Equal(["earlier", "later"], Ids(WaitingOrder.Sort([later, earlierInUtc])));
    }

    private static string[] Ids(IEnumerable<WaitingConversation> waiting) => [.. waiting.Select(w => w.ConversationId)];
}
