using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Tokens;

/// <summary><c>POST /api/tokens</c>: a new token for an integration, with its scopes; the secret is answered once.</summary>
public sealed record CreateToken(CreateTokenRequest Body, string CreatorId) : IRequest<CreatedTokenDto>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        var errors = TextRules.Required("name", Body.Name, TextRules.MaxNameLength).ToList();
        if (Body.Scopes is null || Body.Scopes.Count == 0)
        {
            errors.Add(new("scopes", $"must list at least one of: {string.Join(", ", ApiScopes.All)}."));
        }
        else if (Body.Scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            errors.Add(new("scopes", $"'{unknown}' is not a scope; use {string.Join(", ", ApiScopes.All)}."));
        }

        return errors;
    }
}

/// <remarks>Logs under the category <c>CreateTokenRequest</c>, as before the slice: alerts may filter on it.</remarks>
public sealed class CreateTokenHandler(IApiTokenStore tokens, TimeProvider time, ILogger<CreateTokenRequest> logger)
    : IRequestHandler<CreateToken, CreatedTokenDto>
{
    public async ValueTask<CreatedTokenDto> Handle(CreateToken request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var (id, token, hash) = ApiTokenSecrets.Create();
        await tokens.CreateAsync(new ApiToken(id, body.Name!.Trim(), [.. body.Scopes!.Distinct()], hash, request.CreatorId, time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Agent {AgentId} created API token {TokenId} with scopes {Scopes}", request.CreatorId, id, string.Join(",", body.Scopes!));
        return new CreatedTokenDto(id, token);
    }
}
