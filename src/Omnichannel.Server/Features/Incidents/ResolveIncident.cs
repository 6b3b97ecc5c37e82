using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/resolve</c>: every linked conversation that is not resolved gets the note as a private
/// note and is resolved through the agents' own status change (<see cref="ChangeStatus"/>: its event, the SLA clocks
/// and the assignee's load follow as for any resolve); then the incident is marked resolved. Repeated (a retry, or
/// after a crash half way) it finishes what is left and adds no note twice.
/// </summary>
public sealed record ResolveIncident(string IncidentId, string? Note, Principal? Principal, Actor Actor)
    : IRequest<Outcome<IncidentDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => TextRules.Optional("note", Note, TextRules.MaxMessageLength, multiline: true);
}

public sealed class ResolveIncidentHandler(
    IIncidentStore incidents, IConversationStore conversations, IncidentViews views, IMediator mediator, IPublisher publisher,
    TimeProvider time) : IRequestHandler<ResolveIncident, Outcome<IncidentDto>>
{
    public async ValueTask<Outcome<IncidentDto>> Handle(ResolveIncident request, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(request.IncidentId, cancellationToken) is not { } incident)
        {
            return Outcome<IncidentDto>.NotFound;
        }

        if (incident.Status == IncidentStatus.Open)
        {
            foreach (var conversationId in incident.ConversationIds)
            {
                if (await conversations.GetConversationAsync(conversationId, cancellationToken) is not { Status: not ConversationStatus.Resolved })
                {
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(request.Note))
                {
                    var noteId = IncidentReplyIds.ResolveNote(incident.Id, conversationId);
                    await mediator.Send(new AddPrivateNote(conversationId, request.Actor, request.Note, noteId), cancellationToken);
                }

                await mediator.Send(new ChangeStatus(conversationId, ConversationStatus.Resolved, null, request.Actor), cancellationToken);
            }

            if (await incidents.ResolveAsync(incident.Id, request.Note, incident.ConversationIds, request.Actor.Id, time.GetUtcNow(), cancellationToken))
            {
                await publisher.Publish(new IncidentUpdated(incident.Id, request.Actor.Id), cancellationToken);
            }
        }

        return await incidents.GetAsync(request.IncidentId, cancellationToken) is { } now
            ? Outcome<IncidentDto>.Found(await views.DetailAsync(now, request.Principal, cancellationToken))
            : Outcome<IncidentDto>.NotFound;
    }
}
