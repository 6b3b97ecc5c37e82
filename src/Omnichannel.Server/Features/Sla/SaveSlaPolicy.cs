using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Sla;

/// <summary><c>PUT /api/sla-policies/{id}</c>: defines the policy, or replaces its whole definition.</summary>
public sealed record SaveSlaPolicy(string Id, SlaPolicyDefinition Definition) : IRequest<SavedSlaPolicy>;

/// <summary>The policy as saved, and whether this request created it.</summary>
public sealed record SavedSlaPolicy(SlaPolicyDto Policy, bool Created);

/// <summary>The id and every problem of the definition, in one list.</summary>
public sealed class SaveSlaPolicyValidator : IRequestValidator<SaveSlaPolicy>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SaveSlaPolicy request, CancellationToken cancellationToken)
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

public sealed class SaveSlaPolicyHandler(ISlaPolicyStore policies, TimeProvider time) : IRequestHandler<SaveSlaPolicy, SavedSlaPolicy>
{
    public async ValueTask<SavedSlaPolicy> Handle(SaveSlaPolicy request, CancellationToken cancellationToken)
    {
        var policy = request.Definition.ToPolicy(request.Id);
        var replaced = await policies.SaveAsync(policy, time.GetUtcNow(), cancellationToken);
        return new SavedSlaPolicy(SlaPolicyDto.From(policy), Created: replaced is null);
    }
}
