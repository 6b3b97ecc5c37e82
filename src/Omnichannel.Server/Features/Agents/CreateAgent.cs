using Mediator;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

/// <summary><c>POST /api/agents</c>: a new account; its email must be new.</summary>
public sealed record CreateAgent(CreateAgentRequest Body) : IRequest<Outcome<AgentDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (Body.Email is null || !IdentityRules.LooksLikeEmail(Body.Email.Trim()) || Body.Email.Length > InputRules.MaxEmailLength)
        {
            errors.Add(new("email", "must be an email address."));
        }

        errors.AddRange(TextRules.Required("name", Body.Name, TextRules.MaxNameLength));
        errors.AddRange(AgentPasswords.Validate("password", Body.Password));
        errors.AddRange(AgentSettingsRules.Validate(Body.Capacity, Body.Queues, Body.Role));
        return errors;
    }
}

public sealed class CreateAgentValidator(IQueueStore queues) : IRequestValidator<CreateAgent>
{
    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(CreateAgent request, CancellationToken cancellationToken) =>
        await AgentSettingsRules.UnknownQueuesAsync(request.Body.Queues, queues, cancellationToken);
}

public sealed class CreateAgentHandler(IAgentStore agents, IPasswordHasher<Agent> hasher, TimeProvider time)
    : IRequestHandler<CreateAgent, Outcome<AgentDto>>
{
    public async ValueTask<Outcome<AgentDto>> Handle(CreateAgent request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var agent = AgentPasswords.NewAgent(hasher, body.Email!, body.Name!, body.Role ?? AgentRole.Agent,
            body.Capacity ?? 5, body.Queues ?? ["default"], body.Password!, time.GetUtcNow());
        return await agents.TryCreateAsync(agent, cancellationToken)
            ? Outcome<AgentDto>.Found(AgentDto.From(agent))
            : Outcome<AgentDto>.Conflict("An agent with this email already exists.", detail: null);
    }
}
