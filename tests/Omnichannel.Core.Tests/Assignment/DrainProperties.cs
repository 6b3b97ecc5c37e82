using CsCheck;
using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AssignmentOracle;

namespace Omnichannel.Core.Tests.Assignment;

public class DrainProperties
{
    private const int Iterations = 2_000;

    [Fact]
    public void Drain_assigns_in_waiting_order_to_eligible_agents_within_capacity_and_stops_only_when_nobody_is_eligible()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents(), AssignmentGen.Waiting).Sample((policy, agents, waiting) =>
        {
            var now = AssignmentGen.Now.AddMinutes(1);

            var result = QueueDrainer.Drain(policy, agents, waiting, now);

            var expectedOrder = ExpectedDrainOrder(waiting).Select(w => w.ConversationId).ToList();
            Assert.Equal(expectedOrder.Take(result.Assignments.Count), result.Assignments.Select(a => a.ConversationId));

            var room = agents.Where(IsEligible).Sum(a => a.Capacity - a.OpenCount);
            Assert.Equal(Math.Min(waiting.Length, room), result.Assignments.Count);

            var replay = agents.ToArray();
            foreach (var assignment in result.Assignments)
            {
                Assert.Equal(ExpectedPick(policy, replay), assignment.AgentId);
                var index = Array.FindIndex(replay, a => a.AgentId == assignment.AgentId);
                replay[index] = replay[index] with { OpenCount = replay[index].OpenCount + 1, LastAssignedAt = now };
                Assert.True(replay[index].OpenCount <= replay[index].Capacity);
            }

            Assert.Equal(replay, result.Agents);
            if (result.Assignments.Count < waiting.Length)
            {
                Assert.DoesNotContain(result.Agents, IsEligible);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Drain_does_not_depend_on_the_order_the_waiting_conversations_are_listed_in()
    {
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents(), AssignmentGen.Waiting, Gen.Int).Sample((policy, agents, waiting, seed) =>
        {
            var shuffled = waiting.ToArray();
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(
                QueueDrainer.Drain(policy, agents, waiting, AssignmentGen.Now).Assignments,
                QueueDrainer.Drain(policy, agents, shuffled, AssignmentGen.Now).Assignments);
        }, iter: Iterations);
    }

    [Fact]
    public void A_random_stream_of_arrivals_reopens_and_agent_changes_never_assigns_to_an_ineligible_agent_nor_overtakes_an_older_conversation()
    {
        var events = Gen.Select(Gen.Int[0, 11], Gen.Int[0, 19], Gen.Int[0, 5], Gen.Int[0, 10]).Array[0, 80];
        Gen.Select(AssignmentGen.Policy, AssignmentGen.Agents(), events).Sample((policy, initial, stream) =>
        {
            var day = new SimulatedQueue(policy, initial);
            foreach (var (kind, agent, detail, value) in stream)
            {
                day.Apply(kind, agent, detail, value);
            }
        }, iter: 500);
    }

    /// <summary>
    /// A queue driven the way the live engine will drive it: every change is followed by a drain. Checks the invariants
    /// after each step.
    /// </summary>
    private sealed class SimulatedQueue(QueuePolicy policy, AgentState[] agents)
    {
        private readonly List<WaitingConversation> _waiting = [];
        private readonly List<(string ConversationId, string AgentId)> _resolved = [];
        private readonly Dictionary<string, List<string>> _open = agents.ToDictionary(a => a.AgentId, _ => new List<string>());
        private DateTimeOffset _now = AssignmentGen.Now;
        private int _nextId;

        public void Apply(int kind, int agentIndex, int detail, int value)
        {
            _now = _now.AddMinutes(1);
            var i = agentIndex % agents.Length;
            switch (kind)
            {
                case <= 4:
                    _waiting.Add(new WaitingConversation($"c{_nextId++}", _now, detail % 3 == 0 ? null : _now.AddMinutes(value * 10)));
                    break;
                case <= 6:
                    Resolve(i);
                    break;
                case <= 9:
                    agents[i] = Change(agents[i], detail, value);
                    break;
                default:
                    Reopen(value);
                    break;
            }

            Drain();
        }

        private void Resolve(int i)
        {
            if (agents[i].OpenCount == 0)
            {
                return;
            }

            agents[i] = agents[i] with { OpenCount = agents[i].OpenCount - 1 };
            var held = _open[agents[i].AgentId];
            if (held.Count > 0)
            {
                _resolved.Add((held[0], agents[i].AgentId));
                held.RemoveAt(0);
            }
        }

        private static AgentState Change(AgentState agent, int detail, int value) => detail switch
        {
            0 => agent with { Availability = (Availability)(((int)agent.Availability + 1) % 3) },
            1 => agent with { IsPresent = !agent.IsPresent },
            2 => agent with { OnShift = !agent.OnShift },
            3 => agent with { IsPaused = !agent.IsPaused },
            4 => agent with { Capacity = value },
            _ => agent with { IsQueueMember = !agent.IsQueueMember },
        };

        private void Reopen(int value)
        {
            if (_resolved.Count == 0)
            {
                return;
            }

            var (conversationId, lastAgentId) = _resolved[value % _resolved.Count];
            _resolved.RemoveAt(value % _resolved.Count);
            var decision = ReopenRule.Pick(policy, lastAgentId, agents);
            if (decision is null)
            {
                _waiting.Add(new WaitingConversation(conversationId, _now, null));
                return;
            }

            // After every drain a non-empty queue means nobody is eligible, so a reopen never jumps the queue.
            Assert.Empty(_waiting);
            var index = Array.FindIndex(agents, a => a.AgentId == decision.AgentId);
            Assert.True(IsEligible(agents[index]));
            Assert.Equal(decision.AgentId == lastAgentId, decision.ReturnedToLastAgent);
            agents[index] = decision.ReturnedToLastAgent
                ? agents[index] with { OpenCount = agents[index].OpenCount + 1 }
                : agents[index] with { OpenCount = agents[index].OpenCount + 1, LastAssignedAt = _now };
            _open[decision.AgentId].Add(conversationId);
        }

        private void Drain()
        {
            var before = agents.ToArray();
            var result = QueueDrainer.Drain(policy, agents, _waiting, _now);

            foreach (var assignment in result.Assignments)
            {
                var index = Array.FindIndex(before, a => a.AgentId == assignment.AgentId);
                Assert.True(IsEligible(before[index]), $"{assignment.AgentId} was not eligible");
                before[index] = before[index] with { OpenCount = before[index].OpenCount + 1, LastAssignedAt = _now };
                _open[assignment.AgentId].Add(assignment.ConversationId);
            }

            var assigned = result.Assignments.Select(a => a.ConversationId).ToHashSet();
            var stillWaiting = _waiting.Where(w => !assigned.Contains(w.ConversationId)).ToList();
            var order = ExpectedDrainOrder(_waiting).Select(w => w.ConversationId).ToList();
            if (assigned.Count > 0 && stillWaiting.Count > 0)
            {
                Assert.True(
                    assigned.Max(order.IndexOf) < stillWaiting.Min(w => order.IndexOf(w.ConversationId)),
                    "a newer conversation was assigned before an older one");
            }

            for (var i = 0; i < agents.Length; i++)
            {
                agents[i] = result.Agents[i];
            }

            _waiting.RemoveAll(w => assigned.Contains(w.ConversationId));
            Assert.All(agents.Zip(before), pair => Assert.Equal(pair.Second, pair.First));
            if (_waiting.Count > 0)
            {
                Assert.DoesNotContain(agents, IsEligible);
            }
        }
    }
}
