using System.Globalization;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// One writer of <see cref="StorePathCrashTests"/>, driving the store's write paths on its own contacts'
/// conversations: ingest (tried again until acknowledged, as a channel adapter does), an agent's reply with its
/// outbox entry, a manual assignment, a move between agents or back to the queue, a status change. Nobody else
/// writes to these conversations, so once the store acknowledged a change the writer reads the conversation back and
/// knows what it must hold from then on.
/// </summary>
internal sealed class StoreWriter(
    int index, StoreSessionGate gate, StorePathLedger ledger, IReadOnlyList<string> agents, TimeProvider time)
{
    public const string Account = "store-path";

    /// <summary>
    /// The queues the writers' conversations wait in. No queue record exists for them, so the server's own
    /// assignment sweeps (which drain configured queues) never write to these conversations.
    /// </summary>
    public static readonly IReadOnlyList<string> Queues = ["store-path-a", "store-path-b"];

    private const int Contacts = 5;

    private readonly Random _random = new();
    private readonly string?[] _conversations = new string?[Contacts];
    private int _messages;
    private int _replies;

    /// <summary>Writes until <paramref name="stop"/>; an ingest under way is retried until acknowledged.</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var contact = _random.Next(Contacts);
            if (_conversations[contact] is not { } conversation || _random.Next(3) == 0)
            {
                await IngestAsync(contact, abort);
            }
            else
            {
                await ChangeAsync(conversation, Queues[contact % Queues.Count], abort);
            }
        }
    }

    private async Task IngestAsync(int contact, CancellationToken abort)
    {
        var externalId = string.Create(CultureInfo.InvariantCulture, $"w{index}-{_messages++}");
        var message = new InboundMessage
        {
            Channel = ChannelNames.Email,
            Account = Account,
            ExternalId = externalId,
            Sender = new ContactIdentity(IdentityKinds.Email,
                string.Create(CultureInfo.InvariantCulture, $"writer{index}-{contact}@customers.test")),
            SenderName = string.Create(CultureInfo.InvariantCulture, $"Customer {index}-{contact}"),
            Text = "Message " + externalId,
            Queue = Queues[contact % Queues.Count],
        };
        ledger.Ingests[externalId] = null;
        while (true)
        {
            var session = await gate.CurrentAsync(abort);
            IngestResult result;
            try
            {
                result = await session.Conversations.IngestAsync(message, time.GetUtcNow());
            }
            catch (Exception ex) when (StoreSessionGate.IsConnectionLoss(ex))
            {
                gate.EnsureKilled(session, ex);
                ledger.Interrupt(_conversations[contact]);
                continue;
            }

            ledger.Ingests[externalId] = new(result.ConversationId, result.MessageId, result.ContactId);
            ledger.Acknowledge(result.Duplicate ? "ingest found stored on retry" : "ingest");
            _conversations[contact] = result.ConversationId;
            await ReadBackAsync(session, result.ConversationId);
            return;
        }
    }

    // One change to a conversation; cut off by a kill it is not tried again (an agent would look first).
    private async Task ChangeAsync(string conversation, string queue, CancellationToken abort)
    {
        var session = await gate.CurrentAsync(abort);
        try
        {
            var kind = _random.Next(4) switch
            {
                0 => await ReplyAsync(session, conversation),
                1 => await AssignAsync(session, conversation),
                2 => await MoveAsync(session, conversation, queue),
                _ => await ChangeStatusAsync(session, conversation),
            };
            ledger.Acknowledge(kind);
        }
        catch (Exception ex) when (StoreSessionGate.IsConnectionLoss(ex))
        {
            gate.EnsureKilled(session, ex);
            ledger.Interrupt(conversation);
            return;
        }

        await ReadBackAsync(session, conversation);
    }

    private async Task<string> ReplyAsync(StoreSession session, string conversation)
    {
        var agent = agents[_random.Next(agents.Count)];
        var text = string.Create(CultureInfo.InvariantCulture, $"Reply {_replies++} of writer {index}");
        var reply = new OutboundMessage(conversation, AuthorKind.Agent, agent, "Agent " + agent, text,
            IsPrivate: false);
        var result = await session.Conversations.AppendOutboundAsync(reply, time.GetUtcNow())
            ?? throw new InvalidOperationException($"Conversation {conversation} vanished under a reply.");
        ledger.Replies[result.MessageId] = conversation;
        return "reply";
    }

    private async Task<string> AssignAsync(StoreSession session, string conversation)
    {
        var pick = _random.Next(agents.Count + 1);
        var agent = pick < agents.Count ? agents[pick] : null;
        _ = await session.Conversations.AssignAsync(conversation, agent, AssignmentReasonNames.Manual, "lead",
                time.GetUtcNow())
            ?? throw new InvalidOperationException($"Conversation {conversation} vanished under an assignment.");
        return agent is null ? "unassign" : "assign";
    }

    // A lead's move as the rebalance screen makes it: from the holder it sees now to another agent, or back to
    // the queue. Refused (all or nothing) when the conversation is not open.
    private async Task<string> MoveAsync(StoreSession session, string conversation, string queue)
    {
        var now = await session.Conversations.GetConversationAsync(conversation)
            ?? throw new InvalidOperationException($"Conversation {conversation} vanished before a move.");
        var from = now.AssigneeId ?? "";
        var targets = agents.Append("").Where(a => a != from).ToList();
        var move = new RebalanceMove(conversation, from, targets[_random.Next(targets.Count)]);
        var outcome = await session.Assignments.MoveAsync(queue, [move], AssignmentReasonNames.Rebalance, "lead",
            respectCapacity: false, note: null, time.GetUtcNow());
        return outcome.Applied ? "move" : "move refused";
    }

    private async Task<string> ChangeStatusAsync(StoreSession session, string conversation)
    {
        ConversationStatus[] statuses =
        [
            ConversationStatus.Open, ConversationStatus.Pending,
            ConversationStatus.Resolved, ConversationStatus.Snoozed,
        ];
        var status = statuses[_random.Next(statuses.Length)];
        var now = time.GetUtcNow();
        // Snoozed for a day: the server's snooze waker must not wake it during the run.
        DateTimeOffset? until = status == ConversationStatus.Snoozed ? now.AddDays(1) : null;
        _ = await session.Conversations.ChangeStatusAsync(conversation, status, until, "lead", now)
            ?? throw new InvalidOperationException($"Conversation {conversation} vanished under a status change.");
        return "status";
    }

    // After an acknowledged change: what the conversation holds now is what it must hold at the end, unless this
    // writer changes it again. A kill before the read leaves it unknown.
    private async Task ReadBackAsync(StoreSession session, string conversation)
    {
        try
        {
            var stored = await session.Conversations.GetConversationAsync(conversation)
                ?? throw new InvalidOperationException($"Conversation {conversation} acknowledged but not stored.");
            ledger.Expected[conversation] = new(stored.Status, stored.AssigneeId);
        }
        catch (Exception ex) when (StoreSessionGate.IsConnectionLoss(ex))
        {
            gate.EnsureKilled(session, ex);
            ledger.Expected[conversation] = null;
        }
    }
}
