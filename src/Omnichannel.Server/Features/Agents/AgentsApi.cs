using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Agents;

/// <summary>Agent accounts, managed by admins.</summary>
public static class AgentsApi
{
    public const int MaxCapacity = 1000;

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", UpdateAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AgentDto>>> ListAsync(IAgentStore agents, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AgentDto>>([.. (await agents.ListAsync(ct)).Select(AgentDto.From)]);

    private static async Task<Results<Ok<AgentDto>, NotFound>> GetAsync(string id, IAgentStore agents, CancellationToken ct) =>
        Ids.IsWellFormed(id) && await agents.GetAsync(id, ct) is { } agent ? TypedResults.Ok(AgentDto.From(agent)) : TypedResults.NotFound();

    private static async Task<Results<Created<AgentDto>, ProblemHttpResult>> CreateAsync(
        CreateAgentRequest request, IAgentStore agents, IQueueStore queues, IPasswordHasher<Agent> hasher, TimeProvider time, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (request.Email is null || !IdentityRules.LooksLikeEmail(request.Email.Trim()) || request.Email.Length > InputRules.MaxEmailLength)
        {
            errors.Add(new("email", "must be an email address."));
        }

        errors.AddRange(TextRules.Required("name", request.Name, TextRules.MaxNameLength));
        errors.AddRange(AgentPasswords.Validate("password", request.Password));
        errors.AddRange(ValidateSettings(request.Capacity, request.Queues, request.Role));
        if (errors.Count == 0)
        {
            // Only well-formed ids are looked up: an id names a key.
            errors.AddRange(await UnknownQueuesAsync(request.Queues, queues, ct));
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var agent = AgentPasswords.NewAgent(hasher, request.Email!, request.Name!, request.Role ?? AgentRole.Agent,
            request.Capacity ?? 5, request.Queues ?? ["default"], request.Password!, time.GetUtcNow());
        if (!await agents.TryCreateAsync(agent, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An agent with this email already exists.");
        }

        return TypedResults.Created($"/api/agents/{agent.Id}", AgentDto.From(agent));
    }

    private static async Task<Results<Ok<AgentDto>, NotFound>> UpdateAsync(
        string id, UpdateAgentRequest request, HttpContext http, IAgentStore agents, IQueueStore queues, IAssignmentStore assignments,
        IPublisher publisher, IPasswordHasher<Agent> hasher, AgentSessions sessions, TimeProvider time,
        CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Optional("name", request.Name, TextRules.MaxNameLength));
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "must not be empty."));
        }

        if (request.Password is not null)
        {
            errors.AddRange(AgentPasswords.Validate("password", request.Password));
        }

        errors.AddRange(ValidateSettings(request.Capacity, request.Queues, request.Role));
        if (errors.Count == 0)
        {
            // Only well-formed ids are looked up: an id names a key.
            errors.AddRange(await UnknownQueuesAsync(request.Queues, queues, ct));
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (!Ids.IsWellFormed(id) || await agents.GetAsync(id, ct) is not { } agent)
        {
            return TypedResults.NotFound();
        }

        var updated = agent with
        {
            Name = request.Name?.Trim() ?? agent.Name,
            Role = request.Role ?? agent.Role,
            Capacity = request.Capacity ?? agent.Capacity,
            Queues = request.Queues ?? agent.Queues,
        };
        if (request.Password is not null)
        {
            updated = updated with { PasswordHash = hasher.HashPassword(updated, request.Password) };
            updated = updated with { SecurityStamp = AgentPasswords.NewStamp() };
        }

        if (!await agents.UpdateAsync(updated, ct))
        {
            return TypedResults.NotFound();
        }

        // A new password or role signs the agent out everywhere (issue 25): no session outlives what it was granted on.
        // Either way open hub connections follow at once (ending sessions announces the change itself): closed when
        // their session ended, judged by the new queues otherwise.
        if (request.Password is not null || updated.Role != agent.Role)
        {
            await sessions.EndAllAsync(id, ct);
        }
        else if (!updated.Queues.SequenceEqual(agent.Queues, StringComparer.Ordinal))
        {
            await publisher.Publish(new AccessChanged(PrincipalKind.Agent, id), ct);
        }

        // More room or new queues: the agent may take waiting conversations now (a capacity change is also audited).
        var now = time.GetUtcNow();
        if (updated.Capacity != agent.Capacity)
        {
            await publisher.PublishAsync((await assignments.SetCapacityAsync(id, updated.Capacity, http.CurrentAgent()!.Id, now, ct)).Changes, null, ct);
        }

        await publisher.PublishAsync(await assignments.DrainAsync(updated.Queues, now, ct), null, ct);
        return TypedResults.Ok(AgentDto.From(updated));
    }

    private static async Task<IEnumerable<ValidationError>> UnknownQueuesAsync(IReadOnlyList<string>? ids, IQueueStore queues, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (Ids.IsWellFormed(ids![i]) && await queues.GetAsync(ids[i], ct) is null)
            {
                errors.Add(new($"queues[{i}]", "no queue with this id (create it with PUT /api/queues/{id})."));
            }
        }

        return errors;
    }

    private static IEnumerable<ValidationError> ValidateSettings(int? capacity, IReadOnlyList<string>? queues, AgentRole? role)
    {
        foreach (var error in InputRules.Defined("role", role))
        {
            yield return error;
        }

        if (capacity is < 0 or > MaxCapacity)
        {
            yield return new("capacity", $"must be between 0 and {MaxCapacity}.");
        }

        foreach (var error in InputRules.SlugList("queues", queues, 50))
        {
            yield return error;
        }
    }
}
