using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Shifts;

/// <summary><c>PUT /api/shifts/{id}</c>: defines the shift, or replaces its whole definition.</summary>
public sealed record SaveShift(string Id, ShiftDefinition Definition, string? ActorId) : IRequest<SavedShift>;

/// <summary>The shift as saved, and whether this request created it.</summary>
public sealed record SavedShift(ShiftDto Shift, bool Created);

/// <summary>
/// The id and the definition, and members that are well-formed ids but no agent's (malformed ones are the
/// definition's own errors), in one list: a lead fixes them all at once.
/// </summary>
public sealed class SaveShiftValidator(IAgentStore agents) : IRequestValidator<SaveShift>
{
    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SaveShift request, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(request.Id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        errors.AddRange(request.Definition.Validate());
        var members = request.Definition.Members;
        if (members is null || members.Count > ShiftDefinition.MaxMembers)
        {
            return errors;
        }

        // Concurrent lookups share one pipelined round trip on the multiplexer instead of one each; only well-formed
        // ids are looked up.
        var found = await Task.WhenAll(members.Select(async m => !Ids.IsWellFormed(m) || await agents.GetAsync(m!, cancellationToken) is not null));
        errors.AddRange(found.Select((exists, i) => (exists, i)).Where(m => !m.exists).Select(m => new ValidationError($"members[{m.i}]", "no agent with this id.")));
        return errors;
    }
}

public sealed class SaveShiftHandler(IShiftStore shifts, IPublisher publisher, TimeProvider time) : IRequestHandler<SaveShift, SavedShift>
{
    public async ValueTask<SavedShift> Handle(SaveShift request, CancellationToken cancellationToken)
    {
        var shift = request.Definition.ToShift(request.Id);
        var now = time.GetUtcNow();
        var replaced = await shifts.SaveAsync(shift, now, cancellationToken);
        await ShiftChanges.PublishAsync(publisher, [.. shift.Members, .. replaced?.Members ?? []], request.ActorId);
        return new SavedShift(ShiftDto.From(shift, now), Created: replaced is null);
    }
}
