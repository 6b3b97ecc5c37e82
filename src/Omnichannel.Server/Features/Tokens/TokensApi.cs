using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Tokens;

/// <summary>API tokens for integrations, managed by admins: the routes of <c>Features/Tokens/*Token*.cs</c>.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<TokenDto>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTokens(), ct));

    private static async Task<Created<CreatedTokenDto>> CreateAsync(CreateTokenRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateToken(request, http.User.GetAgentId()!), ct);
        return TypedResults.Created($"/api/tokens/{created.Id}", created);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new DeleteToken(id), ct)).Refusal == Refusal.None ? TypedResults.NoContent() : TypedResults.NotFound();
}
