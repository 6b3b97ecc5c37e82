using System.Globalization;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Ports;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// The independent check: every assignment the store reports is replayed on the simulation's own model of the team
/// (availability, presence and pause as the simulation set them, shifts from Core's <c>ShiftCalendar</c>, open counts
/// counted from the store's reports) and judged with Core's <see cref="Eligibility"/> at that instant. After each sweep
/// the model is compared with what the store says about the same agents and the queue.
/// </summary>
public sealed class AssignmentCheck(IReadOnlyList<SimAgent> agents, SimulationStats stats, Action<SimConversation, SimAgent, DateTimeOffset> onAssigned)
{
    private readonly Dictionary<string, SimConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimAgent> _agents = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);

    public IEnumerable<SimConversation> Conversations => _conversations.Values;

    public void Add(SimConversation conversation) => _conversations.Add(conversation.Id, conversation);

    /// <summary>Replays the store's changes in the order it made them.</summary>
    public void Apply(IReadOnlyList<AssignmentChange>? changes, DateTimeOffset now, string source)
    {
        foreach (var change in changes ?? [])
        {
            if (!_conversations.TryGetValue(change.ConversationId, out var conversation))
            {
                Unexpected(now, source, $"unknown conversation {change.ConversationId}");
                continue;
            }

            if (change.From is not null)
            {
                if (conversation.Assignee?.Id != change.From)
                {
                    Unexpected(now, source, $"{change.ConversationId} taken from {change.From}, but the model has it with {conversation.Assignee?.Id ?? "nobody"}");
                }
                else
                {
                    Release(conversation);
                    if (change.To is null && change.Reason == AssignmentReasonNames.Handover)
                    {
                        stats.Shifts[_agents[change.From].Member.ShiftId].HandoverRequeued++;
                    }
                }
            }
            else if (conversation.Assignee is not null)
            {
                Unexpected(now, source, $"{change.ConversationId} assigned from nobody, but the model has it with {conversation.Assignee.Id}");
                Release(conversation);
            }

            if (change.To is null)
            {
                continue;
            }

            if (_agents.TryGetValue(change.To, out var agent))
            {
                Assign(conversation, agent, change.Reason, now, source);
            }
            else
            {
                Unexpected(now, source, $"{change.ConversationId} assigned to unknown agent {change.To}");
            }
        }
    }

    /// <summary>One assignment, judged before it counts: the agent must be eligible with the open count they had.</summary>
    public void Assign(SimConversation conversation, SimAgent agent, string reason, DateTimeOffset now, string source)
    {
        var why = agent.Check(now);
        if (why != Ineligibility.None)
        {
            stats.Ineligible++;
            stats.Note($"INELIGIBLE {now:O} {source}: {conversation.Id} ({reason}) to {agent.Describe(now)}: {IneligibilityText.ToText(why)}");
        }

        agent.Open++;
        agent.Assignments++;
        if (agent.Open > agent.Member.Capacity)
        {
            stats.Overflows++;
            stats.Note($"OVERFLOW {now:O} {source}: {conversation.Id} ({reason}) to {agent.Describe(now)}");
        }

        conversation.Assignee = agent;
        conversation.Version++;
        conversation.Answered = false;
        stats.CountReason(reason);
        var figures = stats.Shifts[agent.Member.ShiftId];
        switch (reason)
        {
            case AssignmentReasonNames.Handover:
                figures.HandoverReassigned++;
                break;
            case AssignmentReasonNames.Timeout:
                figures.Timeouts++;
                break;
            case AssignmentReasonNames.Reopened:
                figures.ReopenedToLastAgent++;
                break;
        }

        if (conversation.FirstAssignedAt is null)
        {
            conversation.FirstAssignedAt = now;
            stats.Shifts[SimulationTeam.ShiftAt(conversation.ArrivedAt)].Waits.Add((now - conversation.ArrivedAt).TotalMinutes);
        }

        onAssigned(conversation, agent, now);
    }

    /// <summary>After a sweep: the store's view of every agent and of the queue must match the model's.</summary>
    public void Compare(QueueAgents store, WaitingSummary waiting, DateTimeOffset now)
    {
        foreach (var runtime in store.Agents)
        {
            var agent = _agents[runtime.State.AgentId];
            var mine = agent.Check(now);
            if (runtime.State.OpenCount != agent.Open || runtime.Ineligibility != mine)
            {
                Disagree(now, $"store has {runtime.State.AgentId} open {runtime.State.OpenCount}, {IneligibilityText.ToText(runtime.Ineligibility)}; model {agent.Describe(now)}, {IneligibilityText.ToText(mine)}");
            }
        }

        var modelWaiting = _conversations.Values.Count(c => c.Waiting);
        if (waiting.Count != modelWaiting)
        {
            Disagree(now, string.Create(CultureInfo.InvariantCulture, $"store has {waiting.Count} waiting, model {modelWaiting}"));
        }

        var eligible = _agents.Values.Where(a => a.Check(now) == Ineligibility.None).Select(a => a.Id).ToList();
        if (waiting.Count > 0 && eligible.Count > 0)
        {
            stats.StuckSweeps++;
            stats.Note(string.Create(CultureInfo.InvariantCulture, $"STUCK {now:O}: {waiting.Count} waiting (oldest since {waiting.OldestSince:O}) while eligible: {string.Join(", ", eligible.Select(id => _agents[id].Describe(now)))}"));
        }

        var onDuty = _agents.Values.Where(a => Eligibility.IsOnDuty(a.State(now))).Select(a => a.Open).ToList();
        if (onDuty.Count >= 2)
        {
            var figures = stats.Shifts[SimulationTeam.ShiftAt(now)];
            figures.OpenSpreadSum += onDuty.Max() - onDuty.Min();
            figures.OpenSpreadTicks++;
        }
    }

    /// <summary>The presence the store let run out in (after, upTo] must be the one the model let run out.</summary>
    public void CompareExpired(IReadOnlyList<string> expired, DateTimeOffset after, DateTimeOffset upTo)
    {
        var mine = _agents.Values.Where(a => a.PresentUntil > after && a.PresentUntil <= upTo).Select(a => a.Id).Order(StringComparer.Ordinal);
        if (!mine.SequenceEqual(expired.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            Disagree(upTo, $"presence ran out for [{string.Join(", ", expired)}] in the store, [{string.Join(", ", mine)}] in the model");
        }
    }

    private static void Release(SimConversation conversation)
    {
        if (!conversation.Resolved)
        {
            conversation.Assignee!.Open--;
        }

        conversation.Assignee = null;
        conversation.Version++;
    }

    private void Unexpected(DateTimeOffset now, string source, string what)
    {
        stats.UnexpectedChanges++;
        stats.Note($"UNEXPECTED {now:O} {source}: {what}");
    }

    private void Disagree(DateTimeOffset now, string what)
    {
        stats.ModelDisagreements++;
        stats.Note($"DISAGREE {now:O}: {what}");
    }
}
