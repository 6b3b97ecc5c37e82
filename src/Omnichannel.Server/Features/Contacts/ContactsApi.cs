using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Contacts;

/// <summary>Contacts' routes: search, one contact, merge (<c>Features/Contacts/*Contact*.cs</c>).</summary>
public static class ContactsApi
{
    /// <summary>Conversations listed (and judged by the access rule) per contact.</summary>
    internal const int MaxConversations = 50;

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", SearchAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapPost("/{id}/merge", MergeAsync).RequireAuthorization(InboxPolicies.Agent);
        return group;
    }

    private static async Task<ContactSearchResponse> SearchAsync(string? q, int? limit, HttpContext http, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new SearchContacts(q, limit, http.CurrentPrincipal()), ct);

    private static async Task<Results<Ok<ContactDto>, NotFound, ForbidHttpResult>> GetAsync(
        string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new GetContact(id, http.CurrentPrincipal()), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Ok(outcome.Value!),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<MergeContactsResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> MergeAsync(
        string id, MergeContactsRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new MergeContacts(id, request.From, http.CurrentPrincipal()!), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Ok(outcome.Value!),
            Refusal.Forbidden => TypedResults.Forbid(),
            Refusal.Conflict => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }
}
