using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// Incidents' routes (docs/sla.md, "Incidents"). Every agent reads them and links the conversations they may see;
/// leads and admins create, change, reply to and resolve them.
/// </summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapGet("/suggestions", SuggestAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/conversations", LinkAsync);
        group.MapDelete("/{id}/conversations/{conversationId}", UnlinkAsync);
        group.MapPost("/{id}/reply", ReplyAsync).RequireAuthorization(InboxPolicies.Lead);
        group.MapPost("/{id}/resolve", ResolveAsync).RequireAuthorization(InboxPolicies.Lead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<IncidentSummaryDto>>> ListAsync(HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListIncidents(http.CurrentPrincipal()), ct));

    private static async Task<Created<IncidentCreatedDto>> CreateAsync(
        IncidentRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(new CreateIncident(request.Title, request.Description, request.TrackerUrl, http.CurrentAgent()!.Id), ct);
        return TypedResults.Created($"/api/incidents/{id}", new IncidentCreatedDto(id));
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentSuggestionDto>>, NotFound, ForbidHttpResult>> SuggestAsync(
        string? conversationId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new SuggestIncidents(conversationId, http.CurrentPrincipal()), ct) switch
        {
            { Refusal: Refusal.None, Value: { } suggestions } => TypedResults.Ok(suggestions),
            { Refusal: Refusal.Forbidden } => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<IncidentDto>, NotFound>> GetAsync(string id, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetIncident(id, http.CurrentPrincipal()), ct) is { Refusal: Refusal.None, Value: { } incident }
            ? TypedResults.Ok(incident)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IncidentDto>, NotFound>> UpdateAsync(
        string id, IncidentRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new UpdateIncident(id, request.Title, request.Description, request.TrackerUrl, http.CurrentPrincipal(),
            http.CurrentAgent()!.Id), ct) is { Refusal: Refusal.None, Value: { } incident }
            ? TypedResults.Ok(incident)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IncidentDto>, NotFound, ProblemHttpResult>> LinkAsync(
        string id, LinkConversationsRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new LinkConversations(id, request.ConversationIds, http.CurrentPrincipal(), http.CurrentAgent()!.Id), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { } incident } => TypedResults.Ok(incident),
            { Refusal: Refusal.Conflict } => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> UnlinkAsync(
        string id, string conversationId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new UnlinkConversation(id, conversationId, http.CurrentPrincipal(), http.CurrentAgent()!.Id), ct)).Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<IncidentReplyDto>, NotFound, ProblemHttpResult>> ReplyAsync(
        string id, IncidentReplyRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new ReplyToIncident(id, request.Text, request.ReplyId, Author(http)), ct);
        return outcome switch
        {
            { Refusal: Refusal.None, Value: { } reply } => TypedResults.Ok(reply),
            { Refusal: Refusal.Conflict } => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound>> ResolveAsync(
        string id, ResolveIncidentRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new ResolveIncident(id, request?.Note, http.CurrentPrincipal(), Author(http)), ct) is { Refusal: Refusal.None, Value: { } incident }
            ? TypedResults.Ok(incident)
            : TypedResults.NotFound();

    private static Actor Author(HttpContext http)
    {
        var agent = http.CurrentAgent()!;
        return new Actor(AuthorKind.Agent, agent.Id, agent.Name);
    }
}
