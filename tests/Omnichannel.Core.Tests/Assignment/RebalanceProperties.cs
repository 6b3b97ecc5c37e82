using CsCheck;
using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AssignmentOracle;
using static Omnichannel.Core.Tests.Assignment.RebalanceOracle;

namespace Omnichannel.Core.Tests.Assignment;

public class RebalanceProperties
{
    private const int Iterations = 2_000;

    [Fact]
    public void Rebalance_moves_only_between_on_duty_agents_never_past_capacity_and_never_a_conversation_being_typed_in()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var moves = RebalancePlanner.Plan(loads);

            var holder = loads.SelectMany(l => l.Conversations.Select(c => (c, l.Agent))).ToDictionary(x => x.c.ConversationId);
            var byId = loads.ToDictionary(l => l.Agent.AgentId, l => l.Agent);
            Assert.Equal(moves.Count, moves.Select(m => m.ConversationId).Distinct().Count());
            foreach (var move in moves)
            {
                var (conversation, from) = holder[move.ConversationId];
                Assert.Equal(from.AgentId, move.From);
                Assert.False(conversation.IsBeingTypedIn);
                Assert.True(IsOnDuty(from));
                Assert.True(IsOnDuty(byId[move.To]));
            }

            Assert.Empty(moves.Select(m => m.From).Intersect(moves.Select(m => m.To)));
            var final = FinalLoads(loads, moves);
            foreach (var receiver in moves.Select(m => m.To).Distinct())
            {
                Assert.True(final[receiver] <= byId[receiver].Capacity, $"{receiver} ends above capacity");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Rebalance_reaches_the_smallest_spread_between_most_and_least_loaded_that_the_bounds_allow()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var targets = Targets(loads);
            if (targets.Count == 0)
            {
                Assert.Empty(RebalancePlanner.Plan(loads));
                return;
            }

            var final = FinalLoads(loads, RebalancePlanner.Plan(loads));
            var spread = targets.Max(t => final[t.Id]) - targets.Min(t => final[t.Id]);

            Assert.Equal(OptimalSpread(targets), spread);
        }, iter: Iterations);
    }

    [Fact]
    public void Whenever_the_bounds_allow_a_spread_of_at_most_one_rebalance_reaches_it_with_the_fewest_moves()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var targets = Targets(loads);
            if (targets.Count == 0 || OptimalSpread(targets) > 1)
            {
                return;
            }

            var moves = RebalancePlanner.Plan(loads);
            var final = FinalLoads(loads, moves);

            Assert.True(targets.Max(t => final[t.Id]) - targets.Min(t => final[t.Id]) <= 1);
            Assert.Equal(FewestMovesWithin(targets, OptimalSpread(targets)), moves.Count);
        }, iter: Iterations);
    }

    [Fact]
    public void Rebalance_leaves_no_move_that_would_even_the_load_further()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var targets = Targets(loads);
            var final = FinalLoads(loads, RebalancePlanner.Plan(loads));

            foreach (var giver in targets.Where(t => final[t.Id] > t.Low))
            {
                foreach (var receiver in targets.Where(t => final[t.Id] < t.High))
                {
                    Assert.False(final[giver.Id] >= final[receiver.Id] + 2, $"{giver.Id} could still give to {receiver.Id}");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Rebalance_makes_the_fewest_moves_among_the_most_even_outcomes_found_by_brute_force()
    {
        var small = AssignmentGen.Loads(maxAgents: 4, maxCapacity: 5, maxHeld: 5)
            .Select(loads => loads.Select(l => l with { Agent = OnDuty(l.Agent) }).ToArray());
        small.Sample(loads =>
        {
            var targets = Targets(loads);
            var moves = RebalancePlanner.Plan(loads);
            var final = FinalLoads(loads, moves);

            var (leastSquares, fewestMoves) = BruteForce(targets);

            Assert.Equal(leastSquares, targets.Sum(t => (long)final[t.Id] * final[t.Id]));
            Assert.Equal(fewestMoves, moves.Count);
        }, iter: Iterations);
    }

    [Fact]
    public void Each_giver_gives_its_longest_unanswered_conversations()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var moved = RebalancePlanner.Plan(loads).Select(m => m.ConversationId).ToHashSet();

            foreach (var load in loads)
            {
                var movable = load.Conversations.Where(c => !c.IsBeingTypedIn).ToList();
                var given = movable.Where(c => moved.Contains(c.ConversationId)).ToList();
                var kept = movable.Where(c => !moved.Contains(c.ConversationId)).ToList();
                foreach (var g in given)
                {
                    Assert.All(kept, k => Assert.True(CompareMoveKeys(g, k) < 0, $"{k.ConversationId} should have moved before {g.ConversationId}"));
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_longest_unanswered_conversations_go_first_each_to_the_least_loaded_receiver_so_far()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var moves = RebalancePlanner.Plan(loads);
            var held = loads.SelectMany(l => l.Conversations).ToDictionary(c => c.ConversationId);
            var final = FinalLoads(loads, moves);
            var running = loads.ToDictionary(l => l.Agent.AgentId, l => l.Agent.OpenCount);

            for (var i = 0; i < moves.Count; i++)
            {
                if (i > 0)
                {
                    Assert.True(CompareMoveKeys(held[moves[i - 1].ConversationId], held[moves[i].ConversationId]) < 0);
                }

                var expected = running.Where(r => r.Value < final[r.Key])
                    .OrderBy(r => r.Value)
                    .ThenBy(r => r.Key, StringComparer.Ordinal)
                    .First().Key;
                Assert.Equal(expected, moves[i].To);
                running[expected]++;
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Applying_a_rebalance_plan_leaves_nothing_to_rebalance()
    {
        AssignmentGen.Loads().Sample(loads =>
        {
            var applied = Apply(loads, RebalancePlanner.Plan(loads));

            Assert.Empty(RebalancePlanner.Plan(applied));
        }, iter: Iterations);
    }

    [Fact]
    public void Rebalance_does_not_depend_on_the_order_agents_and_conversations_are_listed_in()
    {
        Gen.Select(AssignmentGen.Loads(), Gen.Int).Sample((loads, seed) =>
        {
            var random = new Random(seed);
            var shuffled = loads.Select(l =>
            {
                var conversations = l.Conversations.ToArray();
                random.Shuffle(conversations);
                return l with { Conversations = conversations };
            }).ToArray();
            random.Shuffle(shuffled);

            Assert.Equal(RebalancePlanner.Plan(loads), RebalancePlanner.Plan(shuffled));
        }, iter: Iterations);
    }

    private static Dictionary<string, int> FinalLoads(IEnumerable<AgentLoad> loads, IEnumerable<RebalanceMove> moves)
    {
        var final = loads.ToDictionary(l => l.Agent.AgentId, l => l.Agent.OpenCount);
        foreach (var move in moves)
        {
            final[move.From]--;
            final[move.To]++;
        }

        return final;
    }

    private static AgentLoad[] Apply(AgentLoad[] loads, IReadOnlyList<RebalanceMove> moves)
    {
        var byConversation = loads.SelectMany(l => l.Conversations).ToDictionary(c => c.ConversationId);
        var leaving = moves.Select(m => m.ConversationId).ToHashSet();
        return [.. loads.Select(l =>
        {
            var arriving = moves.Where(m => m.To == l.Agent.AgentId).Select(m => byConversation[m.ConversationId]).ToList();
            var kept = l.Conversations.Where(c => !leaving.Contains(c.ConversationId)).ToList();
            var gone = l.Conversations.Count - kept.Count;
            return new AgentLoad(l.Agent with { OpenCount = l.Agent.OpenCount - gone + arriving.Count }, [.. kept, .. arriving]);
        })];
    }

    private static AgentState OnDuty(AgentState agent) => agent with
    {
        IsQueueMember = true,
        OnShift = true,
        Availability = Availability.Online,
        IsPresent = true,
        IsPaused = false,
    };
}
