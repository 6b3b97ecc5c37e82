using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>DELETE /api/incidents/{id}/conversations/{conversationId}</c>: who may link a conversation may unlink it.
/// Unlinking one that is not linked changes nothing (204 all the same).
/// </summary>
public sealed record UnlinkConversation(string IncidentId, string ConversationId, Principal? Principal, string ActorId)
    : IRequest<Outcome<bool>>;

public sealed class UnlinkConversationHandler(
    IIncidentStore incidents, IConversationStore conversations, IPublisher publisher, TimeProvider time)
    : IRequestHandler<UnlinkConversation, Outcome<bool>>
{
    public async ValueTask<Outcome<bool>> Handle(UnlinkConversation request, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(request.IncidentId, cancellationToken) is not { } incident
            || !Ids.IsWellFormed(request.ConversationId)
            || await conversations.GetConversationAsync(request.ConversationId, cancellationToken) is not { } conversation)
        {
            return Outcome<bool>.NotFound;
        }

        if (!AccessRule.CanLinkToIncident(request.Principal, conversation))
        {
            return Outcome<bool>.Forbidden;
        }

        if (!incident.ConversationIds.Contains(request.ConversationId, StringComparer.Ordinal))
        {
            return Outcome<bool>.Found(false);
        }

        if (!await incidents.UnlinkAsync(request.IncidentId, request.ConversationId, request.ActorId, time.GetUtcNow(), cancellationToken))
        {
            return Outcome<bool>.NotFound;
        }

        await publisher.Publish(new IncidentUpdated(request.IncidentId, request.ActorId), cancellationToken);
        return Outcome<bool>.Found(true);
    }
}
