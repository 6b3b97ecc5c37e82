using System.Globalization;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// Customers and the work on their conversations. A new customer writes once; the assignee answers after 0.5–4
/// minutes and resolves after a lognormal handling time (median 12 minutes), then resolving drains the queue as the
/// server's trigger does. One assignment in 25 is forgotten (never answered: the unanswered timeout moves it), and one
/// resolved conversation in 10 hears from its customer again (after 5 minutes plus an exponential wait, mean 4 hours).
/// An agent who is away when work falls due does it when back.
/// </summary>
/// <remarks>
/// The work on an assignment is drawn from the assignee's own random stream in the order the agent receives
/// assignments, not from the conversation: when the store requeues several conversations in one instant it orders
/// them by id, and ids are random, so which of them an agent gets is not determined; what the agent does next is.
/// </remarks>
public sealed class AgentWork(SimEventQueue events, SimulationStore store, SimulationStats stats)
{
    private const double ForgetChance = 0.04;
    private const double ReturnChance = 0.10;
    private static readonly TimeSpan AwayRetry = TimeSpan.FromMinutes(1);

    public AssignmentCheck Check { get; set; } = null!;

    public async Task ArriveAsync(SimEvent e)
    {
        var result = await store.Call(s => s.Conversations.IngestAsync(Message(e.Number, 0), e.At));
        var conversation = new SimConversation(result.ConversationId, e.Number, e.At);
        Check.Add(conversation);
        stats.Shifts[SimulationTeam.ShiftAt(e.At)].Arrived++;
        if (!result.ConversationCreated)
        {
            stats.UnexpectedChanges++;
            stats.Note($"UNEXPECTED {e.At:O}: customer {e.Number}'s first message did not create a conversation");
        }

        Check.Apply(result.Assignments, e.At, "ingest");
    }

    /// <summary>The customer writes to their resolved conversation: it reopens, to its last agent if eligible.</summary>
    public async Task ReturnAsync(SimEvent e)
    {
        var conversation = e.Conversation!;
        conversation.Returns++;
        var result = await store.Call(s => s.Conversations.IngestAsync(Message(conversation.Customer, conversation.Returns), e.At));
        stats.Shifts[SimulationTeam.ShiftAt(e.At)].Returned++;
        if (!result.Reopened || result.ConversationId != conversation.Id)
        {
            stats.UnexpectedChanges++;
            stats.Note($"UNEXPECTED {e.At:O}: customer {conversation.Customer} wrote again but {conversation.Id} did not reopen");
        }

        conversation.Resolved = false;
        var last = conversation.Assignee;
        var changes = result.Assignments ?? [];
        if (last is not null && changes.All(c => c.ConversationId != conversation.Id))
        {
            // Kept by its last agent: the store reports no change, but the agent holds one more open conversation now.
            Check.Assign(conversation, last, AssignmentReasonNames.Reopened, e.At, "ingest (reopened)");
        }
        else if (last is not null)
        {
            last.Open++;
        }

        Check.Apply(changes, e.At, "ingest (reopened)");
    }

    public async Task ReplyAsync(SimEvent e)
    {
        if (Ready(e) is { } agent)
        {
            await AnswerAsync(e.Conversation!, agent, e.At);
        }
    }

    public async Task ResolveAsync(SimEvent e)
    {
        if (Ready(e) is not { } agent)
        {
            return;
        }

        var conversation = e.Conversation!;
        if (!conversation.Answered)
        {
            await AnswerAsync(conversation, agent, e.At);
        }

        await store.Call(s => s.Conversations.ChangeStatusAsync(conversation.Id, ConversationStatus.Resolved, null, agent.Id, e.At));
        conversation.Resolved = true;
        conversation.Version++;
        agent.Open--;
        stats.Resolved++;
        // The server drains the agent's queues when a person's action frees capacity (AssignmentTriggers).
        Check.Apply(await store.Call(s => s.Assignments.DrainAsync([SimulationTeam.QueueId], e.At)), e.At, $"resolve by {agent.Id}");
        if (e.Number > 0)
        {
            events.Add(new SimEvent(SimEventKind.CustomerReturn, e.At + TimeSpan.FromMilliseconds(e.Number), Conversation: conversation));
        }
    }

    /// <summary>Draws what the agent will do with a conversation they just received, and schedules it.</summary>
    public void Plan(SimConversation conversation, SimAgent agent, DateTimeOffset now)
    {
        var random = agent.Work;
        // Always the same draws, whatever they decide, so one decision never shifts the next ones.
        var forgets = random.NextDouble() < ForgetChance;
        var reply = TimeSpan.FromSeconds(random.Next(30, 241));
        var handling = TimeSpan.FromSeconds(Math.Round(60 * Math.Exp(Math.Log(12) + (0.8 * StandardNormal(random)))));
        var returns = random.NextDouble() < ReturnChance;
        var returnAfter = TimeSpan.FromMinutes(5) + TimeSpan.FromHours(Math.Min(-4 * Math.Log(1 - random.NextDouble()), 20));
        if (forgets)
        {
            return;
        }

        handling = handling < reply + TimeSpan.FromMinutes(1) ? reply + TimeSpan.FromMinutes(1) : handling;
        // A return lands off the whole second (see ArrivalCurve), so it never ties with a requeue in the waiting order.
        var returnMs = returns ? (int)returnAfter.TotalMilliseconds | 1 : 0;
        events.Add(new SimEvent(SimEventKind.Reply, now + reply, agent.Index, conversation, Version: conversation.Version));
        events.Add(new SimEvent(SimEventKind.Resolve, now + handling, agent.Index, conversation, Number: returnMs, Version: conversation.Version));
    }

    /// <summary>The agent, when the work is still theirs and they are connected; away, the work waits for them.</summary>
    private SimAgent? Ready(SimEvent e)
    {
        var conversation = e.Conversation!;
        if (conversation.Version != e.Version || conversation.Resolved || conversation.Assignee is not { } agent)
        {
            return null;
        }

        if (!agent.Connected)
        {
            events.Add(e with { At = e.At + AwayRetry });
            return null;
        }

        return agent;
    }

    private async Task AnswerAsync(SimConversation conversation, SimAgent agent, DateTimeOffset now)
    {
        await store.Call(s => s.Conversations.AppendOutboundAsync(new OutboundMessage(conversation.Id, AuthorKind.Agent, agent.Id, null, "On it.", false), now));
        conversation.Answered = true;
        stats.Replies++;
    }

    private static InboundMessage Message(int customer, int returns) => new()
    {
        Channel = ChannelNames.Api,
        Account = "default",
        ExternalId = string.Create(CultureInfo.InvariantCulture, $"c{customer}-m{returns}"),
        Sender = new ContactIdentity(IdentityKinds.Api, string.Create(CultureInfo.InvariantCulture, $"customer-{customer}")),
        ThreadKey = string.Create(CultureInfo.InvariantCulture, $"customer-{customer}"),
        Text = returns == 0 ? "Hello, I need help." : "Me again.",
        Queue = SimulationTeam.QueueId,
    };

    // Box–Muller: one standard normal from two uniforms.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
