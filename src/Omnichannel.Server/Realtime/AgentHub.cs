using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// <c>/hubs/agent</c>: the inbox's live channel. Agents (cookie) and integrations (API token with
/// <c>conversations:read</c>, as <c>access_token</c>) connect; each push is judged per connection by
/// <see cref="AccessRule"/> with the principal as the store has it now (<see cref="LiveFanout"/>), and every method
/// here reads the principal fresh. A connection keeps its agent present (<see cref="PresenceTracker"/>).
/// </summary>
[Authorize(Policy = InboxPolicies.ReadConversations)]
public sealed class AgentHub(
    PresenceTracker presence,
    LiveConnections connections,
    PrincipalDirectory principals,
    LiveBus bus,
    IAssignmentStore assignments,
    IViewerStore viewers,
    IConversationStore store,
    InboxEvents events,
    IHubContext<VisitorHub, IVisitorClient> visitors,
    TimeProvider time) : Hub<IAgentClient>
{
    /// <summary>Resume answers at most this many events; further behind, the client reloads.</summary>
    public const int MaxResume = 1000;

    public override async Task OnConnectedAsync()
    {
        var reference = PrincipalRef.From(Context.User!) ?? throw new HubException("Sign in first.");
        connections.Add(Context.ConnectionId, reference, Context);
        if (reference.Kind == PrincipalKind.Agent)
        {
            await presence.ConnectedAsync(reference.Id, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // Gone from the registry already when the connection was closed for a revoked principal.
        var connection = connections.Remove(Context.ConnectionId);
        foreach (var conversationId in connection?.Viewing.Keys ?? [])
        {
            await SetViewerAsync(conversationId, null, null);
        }

        if (PrincipalRef.From(Context.User!) is { Kind: PrincipalKind.Agent } agent)
        {
            await presence.DisconnectedAsync(agent.Id);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Everything after <paramref name="afterSequence"/> the caller may see now, in order; or reload when the log no longer has it.</summary>
    public async Task<ResumeResult> Resume(long afterSequence)
    {
        var principal = await CurrentPrincipalAsync();
        var page = await store.ReadEventsAsync(afterSequence, MaxResume + 1, Context.ConnectionAborted);
        if (page.Count > MaxResume || (page.Count > 0 && page[0].Sequence > afterSequence + 1 && afterSequence > 0))
        {
            return new ResumeResult([], Reload: true, LastSeq: page.Count > 0 ? page[^1].Sequence : afterSequence);
        }

        var missed = new List<InboxEvent>(page.Count);
        foreach (var entry in page)
        {
            if (await events.BuildAsync(entry.Sequence, entry.Type, entry.ConversationId, entry.MessageId, entry.At, entry.ActorId, null, null, Context.ConnectionAborted)
                is var (inboxEvent, conversation, message)
                && AccessRule.CanSeeMessage(principal, conversation, message is { IsPrivate: true }))
            {
                missed.Add(inboxEvent);
            }
        }

        return new ResumeResult(missed, Reload: false, LastSeq: page.Count > 0 ? page[^1].Sequence : afterSequence);
    }

    /// <summary>The agent opened a conversation: they hear who else has it open, and others hear about them.</summary>
    public async Task View(string conversationId)
    {
        var (agent, _) = await RequireVisibleAsync(conversationId);
        ThisConnection().Viewing[conversationId] = 0;
        await SetViewerAsync(conversationId, agent, replying: false);
    }

    public async Task Leave(string conversationId)
    {
        if (ThisConnection().Viewing.TryRemove(conversationId, out _))
        {
            await SetViewerAsync(conversationId, null, null);
        }
    }

    /// <summary>The agent started (or stopped) writing a reply: the collision banner ("Ana is replying").</summary>
    public async Task Replying(string conversationId, bool replying)
    {
        if (!ThisConnection().Viewing.ContainsKey(conversationId))
        {
            throw new HubException("View the conversation first.");
        }

        var (agent, _) = await RequireVisibleAsync(conversationId);
        await SetViewerAsync(conversationId, agent, replying);
    }

    /// <summary>A keystroke in the reply box: others see "typing", and a rebalance leaves the conversation alone for a while.</summary>
    public async Task Typing(string conversationId)
    {
        var (agent, conversation) = await RequireVisibleAsync(conversationId);
        var lifetime = Features.Conversations.ConversationsApi.TypingLifetime;
        await assignments.MarkTypingAsync(conversationId, agent.Id, lifetime, Context.ConnectionAborted);
        await bus.PublishAsync(new TypingSignal(new TypingEvent(conversationId, agent.Id, agent.Name, time.GetUtcNow() + lifetime)), Context.ConnectionAborted);
        if (conversation.Channel == ChannelNames.WebChat)
        {
            await visitors.Clients.Group(VisitorHub.ConversationGroup(conversationId)).Typing(true);
        }
    }

    /// <summary>An explicit heartbeat (the connection already is one; this refreshes it at once).</summary>
    public async Task Heartbeat()
    {
        if (await CurrentPrincipalAsync() is AgentPrincipal { Agent: var agent })
        {
            await presence.HeartbeatAsync(agent.Id, announce: false, Context.ConnectionAborted);
        }
    }

    private LiveConnection ThisConnection() =>
        connections.Get(Context.ConnectionId) ?? throw new HubException("This connection was closed; sign in again.");

    /// <summary>The caller as the store has them now; a revoked principal's connection is closed.</summary>
    private async Task<Principal> CurrentPrincipalAsync()
    {
        var connection = ThisConnection();
        if (await principals.GetAsync(connection.Principal, fresh: true, Context.ConnectionAborted) is { } principal)
        {
            return principal;
        }

        connections.Remove(Context.ConnectionId);
        Context.Abort();
        throw new HubException("This connection was closed; sign in again.");
    }

    private async Task<(Agent Agent, Conversation Conversation)> RequireVisibleAsync(string conversationId)
    {
        if (await CurrentPrincipalAsync() is not AgentPrincipal { Agent: var agent } principal)
        {
            throw new HubException("Only agents can do this.");
        }

        if (!Ids.IsWellFormed(conversationId) || await store.GetConversationAsync(conversationId, Context.ConnectionAborted) is not { } conversation
            || !AccessRule.CanSeeActivity(principal, conversation))
        {
            // The same answer for "no such conversation" and "not yours": ids are not probed this way.
            throw new HubException("No such conversation.");
        }

        return (agent, conversation);
    }

    private async Task SetViewerAsync(string conversationId, Agent? agent, bool? replying)
    {
        var entry = replying is { } writing && agent is not null ? new ViewerEntry(Context.ConnectionId, agent.Id, agent.Name, writing) : null;
        var now = await viewers.SetAsync(conversationId, Context.ConnectionId, entry, time.GetUtcNow());
        var list = now.GroupBy(v => v.AgentId).Select(g => new Viewer(g.Key, g.First().Name, g.Any(v => v.Replying))).ToList();
        await bus.PublishAsync(new ViewersSignal(new ViewersEvent(conversationId, list)), CancellationToken.None);
    }
}
