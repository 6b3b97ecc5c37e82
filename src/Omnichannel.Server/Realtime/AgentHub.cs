using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// <c>/hubs/agent</c>: the inbox's live channel. Agents (cookie) and integrations (API token with
/// <c>conversations:read</c>, as <c>access_token</c>) connect; events reach only those allowed to see them
/// (<see cref="Audience"/>). A connection keeps its agent present (<see cref="PresenceTracker"/>).
/// </summary>
[Authorize(Policy = InboxPolicies.ReadConversations)]
public sealed class AgentHub(
    PresenceTracker presence,
    IAssignmentStore assignments,
    IViewerStore viewers,
    IConversationStore store,
    InboxEvents events,
    Audience audience,
    IHubContext<VisitorHub, IVisitorClient> visitors,
    TimeProvider time) : Hub<IAgentClient>
{
    /// <summary>Resume answers at most this many events; further behind, the client reloads.</summary>
    public const int MaxResume = 1000;

    private const string ViewedKey = "viewed";

    private Agent? CurrentAgent => Context.GetHttpContext()?.CurrentAgent();

    public override async Task OnConnectedAsync()
    {
        Context.Items[ViewedKey] = new HashSet<string>(StringComparer.Ordinal);
        if (CurrentAgent is { } agent)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(agent.Id));
            if (agent.SeesEverything)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Leads);
            }

            await presence.ConnectedAsync(agent.Id, Context.ConnectionAborted);
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Tokens);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items[ViewedKey] is HashSet<string> viewed)
        {
            foreach (var conversationId in viewed.ToList())
            {
                await SetViewerAsync(conversationId, null);
            }
        }

        if (CurrentAgent is { } agent)
        {
            await presence.DisconnectedAsync(agent.Id);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Everything after <paramref name="afterSequence"/> the caller may see, in order; or reload when the log no longer has it.</summary>
    public async Task<ResumeResult> Resume(long afterSequence)
    {
        var page = await store.ReadEventsAsync(afterSequence, MaxResume + 1, Context.ConnectionAborted);
        if (page.Count > MaxResume || (page.Count > 0 && page[0].Sequence > afterSequence + 1 && afterSequence > 0))
        {
            return new ResumeResult([], Reload: true, LastSeq: page.Count > 0 ? page[^1].Sequence : afterSequence);
        }

        var principal = Context.GetHttpContext()?.CurrentPrincipal();
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
        await RequireVisibleAsync(conversationId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Viewers(conversationId));
        ((HashSet<string>)Context.Items[ViewedKey]!).Add(conversationId);
        await SetViewerAsync(conversationId, replying: false);
    }

    public async Task Leave(string conversationId)
    {
        if (((HashSet<string>)Context.Items[ViewedKey]!).Remove(conversationId))
        {
            await SetViewerAsync(conversationId, null);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Viewers(conversationId));
        }
    }

    /// <summary>The agent started (or stopped) writing a reply: the collision banner ("Ana is replying").</summary>
    public async Task Replying(string conversationId, bool replying)
    {
        if (!((HashSet<string>)Context.Items[ViewedKey]!).Contains(conversationId))
        {
            throw new HubException("View the conversation first.");
        }

        await SetViewerAsync(conversationId, replying);
    }

    /// <summary>A keystroke in the reply box: others see "typing", and a rebalance leaves the conversation alone for a while.</summary>
    public async Task Typing(string conversationId)
    {
        var (agent, conversation) = await RequireVisibleAsync(conversationId);
        var lifetime = Features.Conversations.ConversationsApi.TypingLifetime;
        await assignments.MarkTypingAsync(conversationId, agent.Id, lifetime, Context.ConnectionAborted);
        var groups = await audience.GroupsAsync(conversation, null, isPrivate: true, Context.ConnectionAborted);
        await Clients.Groups(groups).Typing(new TypingEvent(conversationId, agent.Id, agent.Name, time.GetUtcNow() + lifetime));
        if (conversation.Channel == ChannelNames.WebChat)
        {
            await visitors.Clients.Group(VisitorHub.ConversationGroup(conversationId)).Typing(true);
        }
    }

    /// <summary>An explicit heartbeat (the connection already is one; this refreshes it at once).</summary>
    public Task Heartbeat() =>
        CurrentAgent is { } agent ? presence.HeartbeatAsync(agent.Id, announce: false, Context.ConnectionAborted) : Task.CompletedTask;

    private async Task<(Agent Agent, Conversation Conversation)> RequireVisibleAsync(string conversationId)
    {
        var agent = CurrentAgent ?? throw new HubException("Only agents can do this.");
        if (!Ids.IsWellFormed(conversationId) || await store.GetConversationAsync(conversationId, Context.ConnectionAborted) is not { } conversation
            || !AccessRule.CanSeeConversation(Principal.For(agent), conversation))
        {
            // The same answer for "no such conversation" and "not yours": ids are not probed this way.
            throw new HubException("No such conversation.");
        }

        return (agent, conversation);
    }

    private async Task SetViewerAsync(string conversationId, bool? replying)
    {
        var agent = CurrentAgent;
        var entry = replying is { } writing && agent is not null ? new ViewerEntry(Context.ConnectionId, agent.Id, agent.Name, writing) : null;
        var now = await viewers.SetAsync(conversationId, Context.ConnectionId, entry, time.GetUtcNow());
        var list = now.GroupBy(v => v.AgentId).Select(g => new Viewer(g.Key, g.First().Name, g.Any(v => v.Replying))).ToList();
        await Clients.Group(HubGroups.Viewers(conversationId)).Viewers(new ViewersEvent(conversationId, list));
    }
}
