using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Tokens;

public sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>The token itself is shown once, at creation; afterwards only its id and metadata.</summary>
public sealed record CreatedTokenDto(string Id, string Token);

public sealed record TokenDto(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

/// <summary>API tokens for integrations, managed by admins.</summary>
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

    private static async Task<Ok<IReadOnlyList<TokenDto>>> ListAsync(IApiTokenStore tokens, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TokenDto>>([.. (await tokens.ListAsync(ct)).Select(t => new TokenDto(t.Id, t.Name, t.Scopes, t.CreatedAt))]);

    private static async Task<Created<CreatedTokenDto>> CreateAsync(
        CreateTokenRequest request, HttpContext http, IApiTokenStore tokens, TimeProvider time, ILogger<CreateTokenRequest> logger, CancellationToken ct)
    {
        var errors = TextRules.Required("name", request.Name, TextRules.MaxNameLength).ToList();
        if (request.Scopes is null || request.Scopes.Count == 0)
        {
            errors.Add(new("scopes", $"must list at least one of: {string.Join(", ", ApiScopes.All)}."));
        }
        else if (request.Scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            errors.Add(new("scopes", $"'{unknown}' is not a scope; use {string.Join(", ", ApiScopes.All)}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (id, token, hash) = ApiTokenSecrets.Create();
        var creator = http.User.GetAgentId()!;
        await tokens.CreateAsync(new ApiToken(id, request.Name!.Trim(), [.. request.Scopes!.Distinct()], hash, creator, time.GetUtcNow()), ct);
        logger.LogInformation("Agent {AgentId} created API token {TokenId} with scopes {Scopes}", creator, id, string.Join(",", request.Scopes!));
        return TypedResults.Created($"/api/tokens/{id}", new CreatedTokenDto(id, token));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, IApiTokenStore tokens, IPublisher publisher, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || !await tokens.DeleteAsync(id, ct))
        {
            return TypedResults.NotFound();
        }

        // REST refuses the token from the next request; its open hub connections are closed now, on every node.
        await publisher.Publish(new AccessChanged(PrincipalKind.Integration, id), ct);
        return TypedResults.NoContent();
    }
}
