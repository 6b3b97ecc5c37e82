using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Access;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Attachments;
using Omnichannel.Server.Features.Audit;

namespace Omnichannel.Server.Features.Conversations;

/// <summary>
/// The inbox: lists by view, one conversation, its messages, replies and notes, status, assignment, priority and tier.
/// Agents see their own and their queues' unassigned conversations; leads, admins and read tokens see all.
/// </summary>
public static class ConversationsApi
{
    /// <summary>How long one typing signal protects a conversation from being moved; clients repeat it while typing.</summary>
    public static readonly TimeSpan TypingLifetime = TimeSpan.FromSeconds(10);

    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapGet("/{id}/messages", MessagesAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapPost("/{id}/messages", PostMessageAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/{id}/status", ChangeStatusAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/{id}/assign", AssignAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPut("/{id}/priority", SetPriorityAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/{id}/escalate", (string id, EscalateRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            EscalateAsync(id, up: true, request, http, mediator, ct)).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/{id}/de-escalate", (string id, EscalateRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            EscalateAsync(id, up: false, request ?? new EscalateRequest(null), http, mediator, ct)).RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/{id}/activity", ActivityAsync).RequireAuthorization(InboxPolicies.Agent);
        group.MapPost("/{id}/typing", TypingAsync).RequireAuthorization(InboxPolicies.Agent);
        return group;
    }

    private static async Task<Results<Ok<PageDto<ConversationDto>>, ForbidHttpResult>> ListAsync(
        HttpContext http, IConversationStore store, string? view, string? status, string? cursor, int? limit, CancellationToken ct)
    {
        var principal = http.CurrentPrincipal();
        var agent = (principal as AgentPrincipal)?.Agent;
        var errors = new List<ValidationError>();
        ConversationView parsedView = default;
        if (view is null)
        {
            parsedView = agent is not null ? ConversationView.Mine : ConversationView.All;
        }
        else if (!Enum.TryParse(view, ignoreCase: true, out parsedView) || !Enum.IsDefined(parsedView))
        {
            errors.Add(new("view", "must be mine, unassigned or all."));
        }

        ConversationStatus? parsedStatus = null;
        if (status is not null)
        {
            if (ConversationStatusText.TryParse(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add(new("status", "must be open, pending, snoozed or resolved."));
            }
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"must be between 1 and {MaxLimit}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (parsedView == ConversationView.Mine && agent is null)
        {
            throw new RequestValidationException([new("view", "mine needs a signed-in agent; API tokens use unassigned or all.")]);
        }

        if (parsedView == ConversationView.All && !AccessRule.SeesEverything(principal))
        {
            return TypedResults.Forbid();
        }

        var queues = AccessRule.SeesEverything(principal) ? null : agent!.Queues;
        var query = new ConversationQuery(parsedView, agent?.Id, queues, parsedStatus, cursor, limit ?? DefaultLimit);
        var page = await store.ListConversationsAsync(query, ct);
        return TypedResults.Ok(new PageDto<ConversationDto>([.. page.Items.Where(c => AccessRule.CanSeeConversation(principal, c)).Select(ConversationDto.From)], page.NextCursor));
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound, ForbidHttpResult>> GetAsync(string id, HttpContext http, IConversationStore store, CancellationToken ct)
    {
        var (conversation, access) = await FindVisibleAsync(id, http, store, ct);
        return access switch
        {
            Access.NotFound => TypedResults.NotFound(),
            Access.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(ConversationDto.From(conversation!)),
        };
    }

    private static async Task<Results<Ok<PageDto<MessageDto>>, NotFound, ForbidHttpResult>> MessagesAsync(
        string id, string? before, int? limit, HttpContext http, IConversationStore store, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException([new("limit", $"must be between 1 and {MaxLimit}.")]);
        }

        var (conversation, access) = await FindVisibleAsync(id, http, store, ct);
        switch (access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        var page = await store.ListMessagesAsync(id, before, limit ?? DefaultLimit, ct);
        // Integrations never see private notes: one that forwards "out" messages to customers must not leak them.
        // (A page can then hold fewer items than the limit; the cursor still continues where it left off.)
        var principal = http.CurrentPrincipal();
        return TypedResults.Ok(new PageDto<MessageDto>([.. page.Items.Where(m => AccessRule.CanSeeMessage(principal, conversation!, m.IsPrivate)).Select(MessageDto.From)], page.NextCursor));
    }

    private static async Task<Results<Created<MessageDto>, NotFound, ForbidHttpResult>> PostMessageAsync(
        string id, PostMessageRequest request, HttpContext http, IConversationStore store, IUploadStore uploads, IMediator mediator, CancellationToken ct)
    {
        switch ((await FindVisibleAsync(id, http, store, ct)).Access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        var agent = http.CurrentAgent()!;
        var author = new Actor(AuthorKind.Agent, agent.Id, agent.Name);
        var text = request.Text ?? "";
        IReadOnlyList<AttachmentInfo> files = [];
        if (request.AttachmentIds is { Count: > 0 } attachmentIds)
        {
            if (request.Private || attachmentIds.Count > AttachmentsApi.MaxFilesPerReply)
            {
                throw new RequestValidationException([new("attachmentIds", $"only replies carry files, at most {AttachmentsApi.MaxFilesPerReply}.")]);
            }

            files = await uploads.TakeAsync(id, agent.Id, attachmentIds, ct)
                ?? throw new RequestValidationException([new("attachmentIds", "are not your uploads for this conversation (or expired after a day).")]);
        }

        var result = request.Private
            ? await mediator.Send(new AddPrivateNote(id, author, text), ct)
            : await mediator.Send(new SendReply(id, author, text, files), ct);
        if (result is null || await store.GetMessageAsync(result.MessageId, ct) is not { } message)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Created($"/api/conversations/{id}/messages/{message.Id}", MessageDto.From(message));
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound, ForbidHttpResult>> ChangeStatusAsync(
        string id, ChangeStatusRequest request, HttpContext http, IConversationStore store, IMediator mediator, CancellationToken ct)
    {
        if (!ConversationStatusText.TryParse(request.Status, out var status))
        {
            throw new RequestValidationException([new("status", "must be open, pending, snoozed or resolved.")]);
        }

        switch ((await FindVisibleAsync(id, http, store, ct)).Access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        var agent = http.CurrentAgent()!;
        await mediator.Send(new ChangeStatus(id, status, request.SnoozeUntil, new Actor(AuthorKind.Agent, agent.Id, agent.Name)), ct);
        return await store.GetConversationAsync(id, ct) is { } updated ? TypedResults.Ok(ConversationDto.From(updated)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound, ForbidHttpResult>> SetPriorityAsync(
        string id, SetPriorityRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new SetPriority(id, request.Priority, http.CurrentPrincipal(), http.CurrentAgent()!.Id), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { } conversation } => TypedResults.Ok(ConversationDto.From(conversation)),
            { Refusal: Refusal.Forbidden } => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> EscalateAsync(
        string id, bool up, EscalateRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var agent = http.CurrentAgent()!;
        var outcome = await mediator.Send(
            new EscalateConversation(id, up, request.Note, http.CurrentPrincipal(), new Actor(AuthorKind.Agent, agent.Id, agent.Name)), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { } conversation } => TypedResults.Ok(ConversationDto.From(conversation)),
            { Refusal: Refusal.Forbidden } => TypedResults.Forbid(),
            { Refusal: Refusal.Conflict } => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound, ForbidHttpResult>> AssignAsync(
        string id, AssignRequest request, HttpContext http, IConversationStore store, IAgentStore agents, IMediator mediator, CancellationToken ct)
    {
        var (conversation, access) = await FindVisibleAsync(id, http, store, ct);
        switch (access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        var actor = http.CurrentAgent()!;
        var target = string.IsNullOrEmpty(request.AgentId) ? null : request.AgentId;
        var noteErrors = TextRules.Optional("note", request.Note, TextRules.MaxNameLength).ToList();
        if (noteErrors.Count > 0)
        {
            throw new RequestValidationException(noteErrors);
        }

        if (target is not null && (!Ids.IsWellFormed(target) || await agents.GetAsync(target, ct) is null))
        {
            throw new RequestValidationException([new("agentId", "is not an agent.")]);
        }

        if (!AccessRule.CanAssign(http.CurrentPrincipal(), conversation!, target))
        {
            return TypedResults.Forbid();
        }

        var reason = target == actor.Id && !actor.SeesEverything ? AssignmentReasons.SelfAssigned : AssignmentReasons.Manual;
        await mediator.Send(new AssignConversation(id, target, reason, new Actor(AuthorKind.Agent, actor.Id, actor.Name), request.Note), ct);
        return await store.GetConversationAsync(id, ct) is { } updated ? TypedResults.Ok(ConversationDto.From(updated)) : TypedResults.NotFound();
    }

    /// <summary>The conversation's timeline of assignments: who, to whom, why (reason), by whom, with the lead's note.</summary>
    private static async Task<Results<Ok<IReadOnlyList<JsonElement>>, NotFound, ForbidHttpResult>> ActivityAsync(
        string id, HttpContext http, IConversationStore store, IAuditLog audit, CancellationToken ct)
    {
        var (_, access) = await FindVisibleAsync(id, http, store, ct);
        switch (access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        var entries = await audit.ReadConversationAsync(id, ct);
        return TypedResults.Ok<IReadOnlyList<JsonElement>>([.. entries.Select(AuditApi.ToJson)]);
    }

    /// <summary>The agent is typing a reply: for a few seconds rebalancing will not move this conversation.</summary>
    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> TypingAsync(
        string id, HttpContext http, IConversationStore store, IAssignmentStore assignments, CancellationToken ct)
    {
        var (_, access) = await FindVisibleAsync(id, http, store, ct);
        switch (access)
        {
            case Access.NotFound: return TypedResults.NotFound();
            case Access.Forbidden: return TypedResults.Forbid();
        }

        await assignments.MarkTypingAsync(id, http.CurrentAgent()!.Id, TypingLifetime, ct);
        return TypedResults.NoContent();
    }

    private enum Access
    {
        Granted,
        NotFound,
        Forbidden,
    }

    /// <summary>Loads a conversation and tells whether the caller may see it (404 for unknown ids, 403 for others').</summary>
    private static async Task<(Conversation? Conversation, Access Access)> FindVisibleAsync(string id, HttpContext http, IConversationStore store, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || await store.GetConversationAsync(id, ct) is not { } conversation)
        {
            return (null, Access.NotFound);
        }

        return AccessRule.CanSeeConversation(http.CurrentPrincipal(), conversation) ? (conversation, Access.Granted) : (null, Access.Forbidden);
    }
}
