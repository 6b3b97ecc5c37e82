using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AgentStates;

namespace Omnichannel.Core.Tests.Assignment;

public class RebalancePlannerTests
{
    [Fact]
    public void Rebalance_evens_two_agents_by_moving_the_longest_unanswered_conversations()
    {
        var ana = Holding(Ready("ana", capacity: 10), Unanswered("c1", 5), Unanswered("c2", 50), Unanswered("c3", 20),
            Unanswered("c4", 40), Unanswered("c5", 10), Unanswered("c6", 30));
        var ben = Holding(Ready("ben", capacity: 10));

        var moves = RebalancePlanner.Plan([ana, ben]);

        Assert.Equal([new RebalanceMove("c2", "ana", "ben"), new RebalanceMove("c4", "ana", "ben"), new RebalanceMove("c6", "ana", "ben")], moves);
    }

    [Fact]
    public void Conversations_with_an_unanswered_message_move_before_answered_ones()
    {
        var ana = Holding(Ready("ana"), Answered("answered"), Unanswered("recent", 1), Answered("also-answered"), Unanswered("old", 9));
        var ben = Holding(Ready("ben"));

        Assert.Equal(["old", "recent"], RebalancePlanner.Plan([ana, ben]).Select(m => m.ConversationId));
    }

    [Fact]
    public void Rebalance_never_fills_an_agent_past_capacity()
    {
        var ana = Holding(Ready("ana", capacity: 10), [.. Enumerable.Range(1, 8).Select(i => Unanswered($"c{i}", 100 - i))]);
        var ben = Holding(Ready("ben", capacity: 2));
        var cleo = Holding(Ready("cleo", capacity: 10));

        var moves = RebalancePlanner.Plan([ana, ben, cleo]);

        // Ben can take 2; the other 6 split 3 and 3. Each conversation goes to the least loaded receiver so far.
        Assert.Equal(["ben", "cleo", "ben", "cleo", "cleo"], moves.Select(m => m.To));
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], moves.Select(m => m.ConversationId));
    }

    [Fact]
    public void An_agent_above_capacity_only_gives()
    {
        var ana = Holding(Ready("ana", capacity: 3), Unanswered("a1", 1), Unanswered("a2", 2), Unanswered("a3", 3),
            Unanswered("a4", 4), Unanswered("a5", 5), Unanswered("a6", 6));
        var ben = Holding(Ready("ben", capacity: 3), Unanswered("b1", 1), Unanswered("b2", 2));

        // Ben fills up to his capacity of 3; Ana keeps 5 although that is above hers: nobody else can take them.
        Assert.Equal([new RebalanceMove("a6", "ana", "ben")], RebalancePlanner.Plan([ana, ben]));
    }

    [Fact]
    public void A_conversation_the_agent_is_typing_in_never_moves()
    {
        var ana = Holding(Ready("ana"), Typing("t1", 50), Typing("t2", 40), Typing("t3", 30), Unanswered("free", 1));
        var ben = Holding(Ready("ben"));

        Assert.Equal([new RebalanceMove("free", "ana", "ben")], RebalancePlanner.Plan([ana, ben]));
    }

    [Fact]
    public void Conversations_of_other_queues_count_as_load_but_never_move()
    {
        // Ana has 5 open: one of this queue, four of another. Only the one of this queue can go to Ben.
        var ana = new AgentLoad(Ready("ana", open: 5, capacity: 10), [Unanswered("here", 3)]);
        var ben = Holding(Ready("ben", capacity: 10), Unanswered("ben-1", 1));

        Assert.Equal([new RebalanceMove("here", "ana", "ben")], RebalancePlanner.Plan([ana, ben]));
    }

    [Fact]
    public void An_agent_who_already_holds_more_than_others_is_not_sent_more_by_an_agent_holding_other_queues()
    {
        var ana = new AgentLoad(Ready("ana", open: 5, capacity: 10), []);
        var ben = Holding(Ready("ben", capacity: 10), Unanswered("b1", 1), Unanswered("b2", 2), Unanswered("b3", 3), Unanswered("b4", 4));

        Assert.Empty(RebalancePlanner.Plan([ana, ben]));
    }

    [Theory]
    [InlineData("offline")]
    [InlineData("busy")]
    [InlineData("off shift")]
    [InlineData("not present")]
    [InlineData("paused")]
    [InlineData("not a member")]
    public void Agents_not_on_duty_are_left_alone_as_givers_and_as_receivers(string why)
    {
        var away = Ready("away", capacity: 10);
        away = why switch
        {
            "offline" => away with { Availability = Availability.Offline },
            "busy" => away with { Availability = Availability.Busy },
            "off shift" => away with { OnShift = false },
            "not present" => away with { IsPresent = false },
            "paused" => away with { IsPaused = true },
            "not a member" => away with { IsQueueMember = false },
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        var ana = Holding(Ready("ana"), Unanswered("a1", 1), Unanswered("a2", 2));
        var ben = Holding(Ready("ben"));

        Assert.Equal([new RebalanceMove("a2", "ana", "ben")], RebalancePlanner.Plan([Holding(away, [.. Enumerable.Range(1, 6).Select(i => Unanswered($"x{i}", i))]), ana, ben]));
        Assert.Equal([new RebalanceMove("a2", "ana", "ben")], RebalancePlanner.Plan([Holding(away), ana, ben]));
    }

    [Fact]
    public void An_agent_at_capacity_gives_to_the_others()
    {
        var ana = Holding(Ready("ana", capacity: 4), Unanswered("a1", 1), Unanswered("a2", 2), Unanswered("a3", 3), Unanswered("a4", 4));
        var ben = Holding(Ready("ben", capacity: 4));

        Assert.Equal(["a4", "a3"], RebalancePlanner.Plan([ana, ben]).Select(m => m.ConversationId));
    }

    [Fact]
    public void Loads_that_differ_by_at_most_one_need_no_moves()
    {
        var ana = Holding(Ready("ana"), Unanswered("a1", 1), Unanswered("a2", 2), Unanswered("a3", 3));
        var ben = Holding(Ready("ben"), Unanswered("b1", 1), Unanswered("b2", 2));
        var cleo = Holding(Ready("cleo"), Unanswered("c1", 1), Unanswered("c2", 2), Unanswered("c3", 3));

        Assert.Empty(RebalancePlanner.Plan([ana, ben, cleo]));
        Assert.Empty(RebalancePlanner.Plan([]));
    }

    [Fact]
    public void The_odd_conversation_stays_with_an_agent_who_holds_it_already()
    {
        // 7 over 3 agents is 3 + 2 + 2: Ana keeps 3 (one move fewer than leaving her 2), the receivers get 2 each.
        var ana = Holding(Ready("ana"), [.. Enumerable.Range(1, 5).Select(i => Unanswered($"a{i}", i))]);
        var ben = Holding(Ready("ben"));
        var cleo = Holding(Ready("cleo"), Unanswered("c1", 1), Unanswered("c2", 2));

        var moves = RebalancePlanner.Plan([cleo, ben, ana]);

        Assert.Equal([new RebalanceMove("a5", "ana", "ben"), new RebalanceMove("a4", "ana", "ben")], moves);
    }

    [Fact]
    public void Inconsistent_input_is_refused()
    {
        var ana = Holding(Ready("ana"), Unanswered("c1", 1));

        Assert.Throws<ArgumentException>(() => RebalancePlanner.Plan([ana, ana]));
        Assert.Throws<ArgumentException>(() => RebalancePlanner.Plan([ana, Holding(Ready("ben"), Unanswered("c1", 2))]));
        Assert.Throws<ArgumentException>(() => RebalancePlanner.Plan([new AgentLoad(Ready("ben", open: 0), [Unanswered("c2", 1)])]));
    }

    private static AgentLoad Holding(AgentState agent, params HeldConversation[] conversations) =>
        new(agent with { OpenCount = conversations.Length }, conversations);

    private static HeldConversation Unanswered(string id, int minutes) => new(id, MinutesAgo(minutes), IsBeingTypedIn: false);

    private static HeldConversation Answered(string id) => new(id, UnansweredSince: null, IsBeingTypedIn: false);

    private static HeldConversation Typing(string id, int minutes) => new(id, MinutesAgo(minutes), IsBeingTypedIn: true);
}
