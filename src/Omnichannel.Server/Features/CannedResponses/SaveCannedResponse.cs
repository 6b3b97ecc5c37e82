using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// <c>PUT /api/canned-responses/{id}</c>: creates or replaces a canned response. Agents write their personal ones;
/// shared ones are for leads and admins (403); another agent's personal one is not found (404); a short code already
/// used in the same scope, or a response changed while this request decided, is a 409.
/// </summary>
public sealed record SaveCannedResponse(string Id, CannedResponseDefinition Definition, Agent Agent)
    : IRequest<Outcome<SavedCannedResponse>>;

/// <summary>The response as saved, and whether this request created it.</summary>
public sealed record SavedCannedResponse(CannedResponseDto Response, bool Created);

/// <summary>The id and every problem of the definition, in one list.</summary>
public sealed class SaveCannedResponseValidator : IRequestValidator<SaveCannedResponse>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(
        SaveCannedResponse request, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(request.Id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        errors.AddRange(request.Definition.Validate());
        return ValueTask.FromResult<IReadOnlyList<ValidationError>>(errors);
    }
}

public sealed class SaveCannedResponseHandler(ICannedResponseStore responses, TimeProvider time)
    : IRequestHandler<SaveCannedResponse, Outcome<SavedCannedResponse>>
{
    public async ValueTask<Outcome<SavedCannedResponse>> Handle(
        SaveCannedResponse request, CancellationToken cancellationToken)
    {
        var existing = await responses.GetAsync(request.Id, cancellationToken);
        if (existing is not null && !CannedResponseAccess.CanUse(request.Agent, existing))
        {
            return Outcome<SavedCannedResponse>.NotFound;
        }

        var response = request.Definition.ToResponse(request.Id, request.Agent.Id, time.GetUtcNow());
        if ((existing is not null && !CannedResponseAccess.CanWrite(request.Agent, existing))
            || !CannedResponseAccess.CanWrite(request.Agent, response))
        {
            return Outcome<SavedCannedResponse>.ForbiddenBecause(
                "Only leads and admins write shared canned responses.");
        }

        return await responses.SaveAsync(response, existing, cancellationToken) switch
        {
            CannedResponseWrite.Done =>
                Outcome<SavedCannedResponse>.Found(new(CannedResponseDto.From(response), existing is null)),
            CannedResponseWrite.ShortCodeTaken => Outcome<SavedCannedResponse>.Conflict(
                "The short code is taken.",
                response.Visibility == CannedResponseVisibility.Shared
                    ? $"Another shared canned response is /{response.ShortCode}."
                    : $"Another of your canned responses is /{response.ShortCode}."),
            _ => Outcome<SavedCannedResponse>.Conflict(
                "The canned response changed meanwhile.", "Someone else saved or deleted it: read it again and retry."),
        };
    }
}
