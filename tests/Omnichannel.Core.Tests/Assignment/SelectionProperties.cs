using CsCheck;
using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AssignmentOracle;

namespace Omnichannel.Core.Tests.Assignment;

public class SelectionProperties
{
    private const int Iterations = 2_000;

    [Fact]
    public void Pick_never_chooses_an_ineligible_agent_and_chooses_someone_whenever_anyone_is_eligible()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents()).Sample((policy, agents) =>
        {
            var picked = AssignmentSelector.Pick(policy, agents);

            if (picked is null)
            {
                Assert.DoesNotContain(agents, IsEligible);
            }
            else
            {
                Assert.True(IsEligible(agents.Single(a => a.AgentId == picked)));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Pick_follows_the_documented_order_of_each_policy()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents()).Sample((policy, agents) =>
        {
            Assert.Equal(ExpectedPick(policy, agents), AssignmentSelector.Pick(policy, agents));
        }, iter: Iterations);
    }

    [Fact]
    public void Balanced_never_picks_an_agent_with_more_open_than_another_eligible_agent()
    {
        AssignmentGen.Agents().Sample(agents =>
        {
            var picked = AssignmentSelector.Pick(QueuePolicy.Balanced, agents);
            if (picked is not null)
            {
                var open = agents.Single(a => a.AgentId == picked).OpenCount;
                Assert.Equal(agents.Where(IsEligible).Min(a => a.OpenCount), open);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Pick_does_not_depend_on_the_order_the_agents_are_listed_in()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents(), Gen.Int).Sample((policy, agents, seed) =>
        {
            var shuffled = agents.ToArray();
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(AssignmentSelector.Pick(policy, agents), AssignmentSelector.Pick(policy, shuffled));
        }, iter: Iterations);
    }

    [Fact]
    public void With_a_stable_eligible_set_round_robin_gives_everyone_the_same_number_of_conversations_give_or_take_one()
    {
        Gen.Select(AssignmentGen.Agents(), Gen.Int[0, 100]).Sample((generated, arrivals) =>
        {
            // Capacity never binds: whoever is on duty has room for every arrival.
            var agents = generated.Select(a => IsOnDuty(a) ? a with { Capacity = a.OpenCount + arrivals + 1 } : a).ToArray();
            var received = agents.ToDictionary(a => a.AgentId, _ => 0);

            for (var i = 1; i <= arrivals; i++)
            {
                var picked = AssignmentSelector.Pick(QueuePolicy.RoundRobin, agents);
                if (picked is null)
                {
                    break;
                }

                received[picked]++;
                var index = Array.FindIndex(agents, a => a.AgentId == picked);
                agents[index] = agents[index] with { OpenCount = agents[index].OpenCount + 1, LastAssignedAt = AssignmentGen.Now.AddSeconds(i) };
            }

            var eligible = agents.Where(IsEligible).Select(a => received[a.AgentId]).ToList();
            Assert.All(agents.Where(a => !IsEligible(a)), a => Assert.Equal(0, received[a.AgentId]));
            if (eligible.Count > 0)
            {
                Assert.True(eligible.Max() - eligible.Min() <= 1, $"counts {string.Join(",", eligible)}");
                Assert.Equal(arrivals, eligible.Sum());
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_reopened_conversation_goes_to_its_last_agent_exactly_when_they_are_eligible()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents(), Gen.Int[-1, 19]).Sample((policy, agents, lastIndex) =>
        {
            var last = lastIndex >= 0 && lastIndex < agents.Length ? agents[lastIndex] : null;

            var decision = ReopenRule.Pick(policy, last?.AgentId ?? "someone-else", agents);

            if (last is not null && IsEligible(last))
            {
                Assert.Equal(new ReopenDecision(last.AgentId, ReturnedToLastAgent: true), decision);
            }
            else
            {
                var expected = ExpectedPick(policy, agents);
                Assert.Equal(expected is null ? null : new ReopenDecision(expected, ReturnedToLastAgent: false), decision);
            }
        }, iter: Iterations);
    }
}
