using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Ports;

namespace Omnichannel.Core.Features;

/// <summary>
/// Hands a conversation to an agent (or back to its queue with null), with an optional note kept in the audit log and
/// the conversation's timeline. Callers check permission first.
/// </summary>
public sealed record AssignConversation(string ConversationId, string? AgentId, string Reason, Actor Actor, string? Note = null)
    : IRequest<AssignmentResult?>;

public sealed class AssignConversationHandler(IConversationStore store, IPublisher publisher, TimeProvider time)
    : IRequestHandler<AssignConversation, AssignmentResult?>
{
    public async ValueTask<AssignmentResult?> Handle(AssignConversation request, CancellationToken cancellationToken)
    {
        var result = await store.AssignAsync(request.ConversationId, request.AgentId, request.Reason, request.Actor.Id, time.GetUtcNow(), request.Note, cancellationToken);
        if (result is not null && result.PreviousAssigneeId != result.AssigneeId)
        {
            await publisher.Publish(new ConversationAssigned(request.ConversationId, result.PreviousAssigneeId, result.AssigneeId, request.Reason, request.Actor.Id, result.EventSequence), cancellationToken);
        }

        return result;
    }
}
