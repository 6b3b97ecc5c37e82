using CsCheck;
using Omnichannel.Core.Assignment;

namespace Omnichannel.Core.Tests.Assignment;

/// <summary>
/// CsCheck generators for the assignment properties. Times fall on whole minutes in a narrow range and ids on a few
/// letters, so that ties are frequent and every tie-break gets exercised; offsets vary so that instants, not clock
/// readings, must be compared.
/// </summary>
internal static class AssignmentGen
{
    public static readonly DateTimeOffset Now = AgentStates.Now;

    // Declared first: static initializers run in text order and the generators below use these.
    private static Gen<string> Letter { get; } = Gen.Int['a', 'e'].Select(c => ((char)c).ToString());

    private static Gen<HeldConversation> Held { get; } = Gen.Select(Letter, Gen.Int[0, 4], Gen.Int[0, 240], Gen.Int[0, 4])
        .Select((letter, answered, minutes, typing) =>
            new HeldConversation(letter, answered == 0 ? null : Now.AddMinutes(-minutes), IsBeingTypedIn: typing == 0));

    public static Gen<QueuePolicy> Policy { get; } = Gen.Enum<QueuePolicy>();

    public static Gen<DateTimeOffset?> LastAssigned { get; } = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 120], Gen.Int[-3, 3])
        .Select((kind, minutes, offset) => kind == 0 ? (DateTimeOffset?)null : Now.AddMinutes(-minutes).ToOffset(TimeSpan.FromHours(offset)));

    /// <summary>1 to 20 agents with unique ids; each condition of eligibility fails about once in <paramref name="oddsAgainst"/>.</summary>
    public static Gen<AgentState[]> Agents(int oddsAgainst = 5, int maxAgents = 20) =>
        Agent(oddsAgainst).Array[1, maxAgents].Select(agents => agents.Select((a, i) => a with { AgentId = $"{a.AgentId}{i}" }).ToArray());

    public static Gen<WaitingConversation[]> Waiting { get; } =
        Gen.Select(Letter, Gen.Int[0, 60], Gen.Int[0, 2], Gen.Int[0, 60], Gen.Int[-3, 3])
            .Select((letter, waited, deadlineKind, deadlineIn, offset) => new WaitingConversation(
                letter,
                Now.AddMinutes(-waited).ToOffset(TimeSpan.FromHours(offset)),
                deadlineKind == 0 ? null : Now.AddMinutes(deadlineIn)))
            .Array[0, 40]
            .Select(waiting => waiting.Select((w, i) => w with { ConversationId = $"{w.ConversationId}{i}" }).ToArray());

    /// <summary>Agents with the queue's conversations they hold, plus 0–3 open conversations of other queues each.</summary>
    public static Gen<AgentLoad[]> Loads(int oddsAgainst = 10, int maxAgents = 20, int maxCapacity = 10, int maxHeld = 8) =>
        Gen.Select(Agent(oddsAgainst, maxCapacity), Held.Array[0, maxHeld], Gen.Int[0, 3])
            .Array[1, maxAgents]
            .Select(loads => loads.Select((load, i) =>
            {
                var (agent, held, elsewhere) = load;
                var conversations = held.Select((c, j) => c with { ConversationId = $"{c.ConversationId}{i}-{j}" }).ToArray();
                return new AgentLoad(agent with { AgentId = $"{agent.AgentId}{i}", OpenCount = conversations.Length + elsewhere }, conversations);
            }).ToArray());

    private static Gen<AgentState> Agent(int oddsAgainst, int maxCapacity = 10) =>
        Gen.Select(Letter, Availabilities(oddsAgainst), Mostly(oddsAgainst), Mostly(oddsAgainst), Mostly(oddsAgainst), Mostly(oddsAgainst))
            .Select(Gen.Int[0, 12], Gen.Int[0, maxCapacity], LastAssigned, (flags, open, capacity, last) =>
            {
                var (letter, availability, present, onShift, notPaused, member) = flags;
                return new AgentState(letter, availability, present, onShift, !notPaused, open, capacity, member, last);
            });

    private static Gen<bool> Mostly(int oddsAgainst) => Gen.Int[1, oddsAgainst].Select(i => i > 1);

    private static Gen<Availability> Availabilities(int oddsAgainst) => Gen.Int[0, oddsAgainst].Select(i => i switch
    {
        0 => Availability.Busy,
        1 => Availability.Offline,
        _ => Availability.Online,
    });
}
