using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// The events the agent hub pushes. <see cref="InboxEvent"/>s are the store's event log, in order of
/// <see cref="InboxEvent.Seq"/>; a client that reconnects calls <c>Resume(lastSeq)</c> and merges by sequence. The
/// others are live-only signals (typing, presence, viewers, board) that nobody needs to replay.
/// </summary>
public interface IAgentClient
{
    Task Event(InboxEvent inboxEvent);

    Task Typing(TypingEvent typing);

    Task Presence(PresenceEvent presence);

    Task Viewers(ViewersEvent viewers);

    /// <summary>A queue's board changed (assignments, presence, waiting): leads refetch it.</summary>
    Task BoardChanged(string queueId);

    /// <summary>Two contacts were merged: clients show the surviving contact for the conversations named.</summary>
    Task ContactMerged(ContactMergedEvent merged);

    /// <summary><c>incident.updated</c>: an incident was created, linked, replied to or resolved; clients refetch it.</summary>
    Task IncidentUpdated(IncidentUpdatedEvent incident);
}

/// <summary>
/// One entry of the workspace event log: <c>conversation.created</c>, <c>conversation.reopened</c>,
/// <c>conversation.status_changed</c>, <c>conversation.assigned</c>, <c>message.created</c>, <c>message.delivery</c>,
/// <c>conversation.incident_linked</c> (its <see cref="Reason"/> is the incident's id).
/// <see cref="Conversation"/> is its state now; <see cref="Message"/> is set for message events.
/// </summary>
public sealed record InboxEvent(
    long Seq,
    string Type,
    string ConversationId,
    DateTimeOffset At,
    string? ActorId,
    ConversationDto? Conversation,
    MessageDto? Message,
    string? PreviousAssigneeId = null,
    string? Reason = null);

/// <summary>Someone is typing in a conversation: an agent (<see cref="AgentId"/>) or the customer (null).</summary>
public sealed record TypingEvent(string ConversationId, string? AgentId, string? Name, DateTimeOffset Until);

public sealed record PresenceEvent(string AgentId, string Availability, bool Present);

/// <summary>Who has a conversation open right now, and who is writing a reply in it (collision detection).</summary>
public sealed record ViewersEvent(string ConversationId, IReadOnlyList<Viewer> Viewers);

public sealed record Viewer(string AgentId, string Name, bool Replying);

/// <summary>
/// Contact <see cref="FromId"/> was merged into <see cref="ContactId"/>. <see cref="ConversationIds"/> are the moved
/// conversations this connection may see (each connection gets only its own; leads and admins get every one).
/// A live-only signal: a client that was away refetches the contact when it shows it.
/// </summary>
public sealed record ContactMergedEvent(
    string ContactId, string FromId, IReadOnlyList<string> ConversationIds, DateTimeOffset At, string ActorId);

/// <summary>A live-only signal: a client that was away refetches the incidents it shows.</summary>
public sealed record IncidentUpdatedEvent(string IncidentId, DateTimeOffset At, string ActorId);

/// <summary>What <c>Resume</c> answers: the missed events in order, or <see cref="Reload"/> when the log no longer has them.</summary>
public sealed record ResumeResult(IReadOnlyList<InboxEvent> Events, bool Reload, long LastSeq);
