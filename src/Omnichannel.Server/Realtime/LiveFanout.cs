using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Pipeline;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Delivers a <see cref="LiveSignal"/> to this node's agent-hub connections: for each connection the principal as
/// the store has it now (<see cref="PrincipalDirectory"/>) is put to <see cref="AccessRule"/>, and each connection that
/// may hear it gets one frame. A connection whose principal is gone (token deleted, password changed) is closed.
/// </summary>
public sealed class LiveFanout(
    LiveConnections connections,
    PrincipalDirectory principals,
    InboxEvents events,
    IConversationStore store,
    IHubContext<AgentHub, IAgentClient> hub,
    InboxMetrics metrics,
    TimeProvider time,
    ILogger<LiveFanout> logger)
{
    private static readonly HashSet<string> BoardTypes =
        new(["conversation.assigned", "conversation.created", "conversation.status_changed"], StringComparer.Ordinal);

    public Task DeliverAsync(LiveSignal signal, CancellationToken ct) => signal switch
    {
        EventSignal e => DeliverEventAsync(e, ct),
        TypingSignal t => DeliverActivityAsync(t.Typing.ConversationId, onlyViewers: false, c => c.Typing(t.Typing), ct),
        ViewersSignal v => DeliverActivityAsync(v.Viewers.ConversationId, onlyViewers: true, c => c.Viewers(v.Viewers), ct),
        PresenceSignal p => DeliverTeamAsync(c => c.Presence(p.Presence), ct),
        BoardSignal b => DeliverTeamAsync(c => c.BoardChanged(b.QueueId), ct),
        AccessSignal a => RecheckAsync(a, ct),
        ContactMergedSignal m => DeliverContactMergedAsync(m, ct),
        IncidentSignal i => DeliverIncidentAsync(i, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>Closes every connection on this node whose principal is gone; the others stay as they are.</summary>
    public async Task RecheckAllAsync(CancellationToken ct)
    {
        // One read per principal, however many connections (tabs, devices) it has open.
        foreach (var group in connections.All.GroupBy(c => c.Principal))
        {
            if (await principals.GetAsync(group.Key, fresh: true, ct) is null)
            {
                foreach (var connection in group)
                {
                    await PrincipalOfAsync(connection, fresh: false, ct);
                }
            }
        }
    }

    private async Task DeliverEventAsync(EventSignal e, CancellationToken ct)
    {
        if (await events.BuildAsync(e.Seq, e.Type, e.ConversationId, e.MessageId, e.At, e.ActorId, e.PreviousAssignee, e.Reason, ct)
            is not var (inboxEvent, conversation, _))
        {
            return;
        }

        var hearing = await SelectAsync(p => AccessRule.CanHearEvent(p, conversation, e.IsPrivate, e.PreviousAssignee), null, ct);
        if (hearing.Count > 0)
        {
            await hub.Clients.Clients(hearing).Event(inboxEvent);
            if (inboxEvent.Message is { Direction: MessageDirection.In, Private: false })
            {
                metrics.RecordPush(conversation.Channel, e.At, time.GetUtcNow());
            }
        }

        if (BoardTypes.Contains(e.Type))
        {
            await DeliverTeamAsync(c => c.BoardChanged(conversation.Queue), ct);
        }
    }

    private async Task DeliverContactMergedAsync(ContactMergedSignal m, CancellationToken ct)
    {
        // As they are now (one reassigned since the merge is judged by its new assignee), in one pipelined batch.
        var read = await Task.WhenAll(m.ConversationIds.Where(Ids.IsWellFormed).Select(id => store.GetConversationAsync(id, ct)));
        var conversations = read.OfType<Conversation>().ToList();

        // Each connection hears only of the conversations it may see (and nothing when it sees none of them).
        foreach (var connection in connections.All)
        {
            if (await PrincipalOfAsync(connection, fresh: false, ct) is not { } principal)
            {
                continue;
            }

            var visible = conversations.Where(c => AccessRule.CanSeeConversation(principal, c)).Select(c => c.Id).ToList();
            if (visible.Count > 0 || AccessRule.SeesEverything(principal))
            {
                await hub.Clients.Client(connection.ConnectionId)
                    .ContactMerged(new ContactMergedEvent(m.IntoId, m.FromId, visible, m.At, m.ActorId));
            }
        }
    }

    private async Task DeliverIncidentAsync(IncidentSignal signal, CancellationToken ct)
    {
        var hearing = await SelectAsync(AccessRule.CanReadIncidents, null, ct);
        if (hearing.Count > 0)
        {
            await hub.Clients.Clients(hearing).IncidentUpdated(new IncidentUpdatedEvent(signal.IncidentId, signal.At, signal.ActorId));
        }
    }

    private async Task DeliverActivityAsync(string conversationId, bool onlyViewers, Func<IAgentClient, Task> send, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(conversationId) || await store.GetConversationAsync(conversationId, ct) is not { } conversation)
        {
            return;
        }

        var hearing = await SelectAsync(p => AccessRule.CanSeeActivity(p, conversation),
            onlyViewers ? c => c.Viewing.ContainsKey(conversationId) : null, ct);
        if (hearing.Count > 0)
        {
            await send(hub.Clients.Clients(hearing));
        }
    }

    private async Task DeliverTeamAsync(Func<IAgentClient, Task> send, CancellationToken ct)
    {
        var hearing = await SelectAsync(AccessRule.CanWatchTeam, null, ct);
        if (hearing.Count > 0)
        {
            await send(hub.Clients.Clients(hearing));
        }
    }

    private async Task RecheckAsync(AccessSignal signal, CancellationToken ct)
    {
        principals.Forget(signal.Kind, signal.Id);
        foreach (var connection in connections.All)
        {
            if (connection.Principal.Kind == signal.Kind && connection.Principal.Id == signal.Id)
            {
                // Just forgotten: the first connection of each session reads it fresh, the others share that read.
                await PrincipalOfAsync(connection, fresh: false, ct);
            }
        }
    }

    private async Task<List<string>> SelectAsync(Func<Principal, bool> mayHear, Func<LiveConnection, bool>? filter, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var connection in connections.All)
        {
            if ((filter is null || filter(connection))
                && await PrincipalOfAsync(connection, fresh: false, ct) is { } principal && mayHear(principal))
            {
                ids.Add(connection.ConnectionId);
            }
        }

        return ids;
    }

    private async Task<Principal?> PrincipalOfAsync(LiveConnection connection, bool fresh, CancellationToken ct)
    {
        var principal = await principals.GetAsync(connection.Principal, fresh, ct);
        if (principal is null && connections.Remove(connection.ConnectionId) is not null)
        {
            logger.LogInformation("Closing hub connection {ConnectionId}: its {Kind} {PrincipalId} was revoked",
                connection.ConnectionId, connection.Principal.Kind, connection.Principal.Id);
            connection.Abort();
        }

        return principal;
    }
}
