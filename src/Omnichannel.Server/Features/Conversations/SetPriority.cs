using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Conversations;

/// <summary>
/// <c>PUT /api/conversations/{id}/priority</c>: agents on their own conversations, leads and admins on any. The SLA
/// keeper holds the running clocks to the new priority's targets when it reads the event (docs/sla.md).
/// </summary>
public sealed record SetPriority(string Id, string? Priority, Principal? Principal, string ActorId) : IRequest<Outcome<Conversation>>;

public sealed class SetPriorityValidator : IRequestValidator<SetPriority>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SetPriority request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ValidationError>>(PriorityText.TryParse(request.Priority, out _)
            ? []
            : [new("priority", "must be low, normal, high or urgent.")]);
}

public sealed class SetPriorityHandler(IConversationStore conversations, ISlaStore sla, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SetPriority, Outcome<Conversation>>
{
    public async ValueTask<Outcome<Conversation>> Handle(SetPriority request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.Id) || await conversations.GetConversationAsync(request.Id, cancellationToken) is not { } conversation)
        {
            return Outcome<Conversation>.NotFound;
        }

        // As the inbox's other routes: a conversation the caller may not see or change is forbidden, not hidden.
        if (!AccessRule.CanSetPriority(request.Principal, conversation))
        {
            return Outcome<Conversation>.Forbidden;
        }

        PriorityText.TryParse(request.Priority, out var priority);
        if (await sla.SetPriorityAsync(request.Id, priority, request.ActorId, time.GetUtcNow(), cancellationToken) is not { } change)
        {
            return Outcome<Conversation>.NotFound;
        }

        if (change.Sequence > 0)
        {
            await publisher.Publish(new ConversationPriorityChanged(request.Id, change.Previous, change.Priority, request.ActorId, change.Sequence), cancellationToken);
        }

        return await conversations.GetConversationAsync(request.Id, cancellationToken) is { } updated
            ? Outcome<Conversation>.Found(updated)
            : Outcome<Conversation>.NotFound;
    }
}
