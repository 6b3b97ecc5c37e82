using Mediator;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

/// <summary>
/// <c>PUT /api/agents/{id}</c>: changes the fields given. The body is judged before the agent is looked up, as this
/// route always answered.
/// </summary>
public sealed record UpdateAgent(string Id, UpdateAgentRequest Body, string ActorId) : IRequest<Outcome<AgentDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Optional("name", Body.Name, TextRules.MaxNameLength));
        if (Body.Name is not null && string.IsNullOrWhiteSpace(Body.Name))
        {
            errors.Add(new("name", "must not be empty."));
        }

        if (Body.Password is not null)
        {
            errors.AddRange(AgentPasswords.Validate("password", Body.Password));
        }

        errors.AddRange(AgentSettingsRules.Validate(Body.Capacity, Body.Queues, Body.Role));
        return errors;
    }
}

public sealed class UpdateAgentValidator(IQueueStore queues) : IRequestValidator<UpdateAgent>
{
    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(UpdateAgent request, CancellationToken cancellationToken) =>
        await AgentSettingsRules.UnknownQueuesAsync(request.Body.Queues, queues, cancellationToken);
}

public sealed class UpdateAgentHandler(
    IAgentStore agents, IAssignmentStore assignments, IPublisher publisher, IPasswordHasher<Agent> hasher, AgentSessions sessions, TimeProvider time)
    : IRequestHandler<UpdateAgent, Outcome<AgentDto>>
{
    public async ValueTask<Outcome<AgentDto>> Handle(UpdateAgent request, CancellationToken cancellationToken)
    {
        var (id, body) = (request.Id, request.Body);
        if (!Ids.IsWellFormed(id) || await agents.GetAsync(id, cancellationToken) is not { } agent)
        {
            return Outcome<AgentDto>.NotFound;
        }

        var updated = agent with
        {
            Name = body.Name?.Trim() ?? agent.Name,
            Role = body.Role ?? agent.Role,
            Capacity = body.Capacity ?? agent.Capacity,
            Queues = body.Queues ?? agent.Queues,
        };
        if (body.Password is not null)
        {
            updated = updated with { PasswordHash = hasher.HashPassword(updated, body.Password) };
            updated = updated with { SecurityStamp = AgentPasswords.NewStamp() };
        }

        if (!await agents.UpdateAsync(updated, cancellationToken))
        {
            return Outcome<AgentDto>.NotFound;
        }

        // A new password or role signs the agent out everywhere (issue 25): no session outlives what it was granted on.
        // Either way open hub connections follow at once (ending sessions announces the change itself): closed when
        // their session ended, judged by the new queues otherwise.
        if (body.Password is not null || updated.Role != agent.Role)
        {
            await sessions.EndAllAsync(id, cancellationToken);
        }
        else if (!updated.Queues.SequenceEqual(agent.Queues, StringComparer.Ordinal))
        {
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, id), cancellationToken);
        }

        // More room or new queues: the agent may take waiting conversations now (a capacity change is also audited).
        var now = time.GetUtcNow();
        if (updated.Capacity != agent.Capacity)
        {
            var capacity = await assignments.SetCapacityAsync(id, updated.Capacity, request.ActorId, now, cancellationToken);
            await publisher.PublishAsync(capacity.Changes, null, cancellationToken);
        }

        await publisher.PublishAsync(await assignments.DrainAsync(updated.Queues, now, cancellationToken), null, cancellationToken);
        return Outcome<AgentDto>.Found(AgentDto.From(updated));
    }
}
