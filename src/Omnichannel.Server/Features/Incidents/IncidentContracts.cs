using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Features.Incidents;

// The incidents' REST contract (docs/sla.md, "Incidents"), in one place.

/// <summary><c>POST /api/incidents</c> and <c>PUT /api/incidents/{id}</c>.</summary>
public sealed record IncidentRequest(string? Title, string? Description, string? TrackerUrl = null);

public sealed record IncidentCreatedDto(string Id);

/// <summary>One incident in the list: how many linked conversations the caller may see, and how many are not resolved.</summary>
public sealed record IncidentSummaryDto(
    string Id,
    string Title,
    IncidentStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ResolvedAt,
    string? TrackerUrl,
    int ConversationCount,
    int OpenConversationCount);

/// <summary>One incident with its linked conversations as they are now (those the caller may see).</summary>
public sealed record IncidentDto(
    string Id,
    string Title,
    string Description,
    IncidentStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ResolvedAt,
    string? TrackerUrl,
    IReadOnlyList<IncidentConversationDto> Conversations);

public sealed record IncidentConversationDto(
    string Id,
    ConversationStatus Status,
    string Channel,
    string? ContactName,
    string? Subject,
    string Queue,
    string? AssigneeId,
    DateTimeOffset LastActivityAt);

/// <summary><c>POST /api/incidents/{id}/conversations</c>.</summary>
public sealed record LinkConversationsRequest(IReadOnlyList<string>? ConversationIds);

/// <summary>
/// <c>POST /api/incidents/{id}/reply</c>. <see cref="ReplyId"/> is the idempotency key: the same reply id (or, without
/// one, the same text) to the same incident is the same reply, sent at most once to each conversation.
/// </summary>
public sealed record IncidentReplyRequest(string? Text, string? ReplyId = null);

/// <summary>What one incident reply did in each linked conversation.</summary>
public sealed record IncidentReplyDto(string ReplyId, IReadOnlyList<IncidentReplyOutcomeDto> Conversations);

/// <summary>
/// <see cref="Outcome"/>: <c>sent</c>; <c>already-sent</c> (this reply reached it before: a retried request);
/// <c>skipped</c> with a <see cref="Reason"/> (<c>resolved</c>: the conversation is closed, no reply is sent to it).
/// </summary>
public sealed record IncidentReplyOutcomeDto(string ConversationId, string Outcome, string? MessageId, string? Reason);

/// <summary><c>POST /api/incidents/{id}/resolve</c>: the note is added to each resolved conversation as a private note.</summary>
public sealed record ResolveIncidentRequest(string? Note);

/// <summary>An open incident that may be this conversation's, and the title keywords its customer used.</summary>
public sealed record IncidentSuggestionDto(IncidentSummaryDto Incident, IReadOnlyList<string> Keywords);
