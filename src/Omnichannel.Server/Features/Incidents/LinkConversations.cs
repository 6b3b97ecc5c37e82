using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/conversations</c>: links conversations, all or none. An agent links conversations they
/// may see (the access rule, as for reading one); leads and admins any. An id that names no conversation the caller
/// may see is a 400 that lists it, and then nothing is linked. Linking one again changes nothing.
/// </summary>
public sealed record LinkConversations(string IncidentId, IReadOnlyList<string>? ConversationIds, Principal? Principal, string ActorId)
    : IRequest<Outcome<IncidentDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        if (ConversationIds is not { Count: > 0 and <= IncidentRules.MaxLinkedPerRequest })
        {
            yield return new("conversationIds", $"must list between 1 and {IncidentRules.MaxLinkedPerRequest} conversation ids.");
        }
    }
}

public sealed class LinkConversationsHandler(
    IIncidentStore incidents, IConversationStore conversations, IncidentViews views, IPublisher publisher, TimeProvider time)
    : IRequestHandler<LinkConversations, Outcome<IncidentDto>>
{
    public async ValueTask<Outcome<IncidentDto>> Handle(LinkConversations request, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(request.IncidentId, cancellationToken) is not { } incident)
        {
            return Outcome<IncidentDto>.NotFound;
        }

        if (incident.Status != Core.Incidents.IncidentStatus.Open)
        {
            return Outcome<IncidentDto>.Conflict("The incident is resolved.", "Nothing more is linked to a resolved incident.");
        }

        var ids = request.ConversationIds!.Distinct(StringComparer.Ordinal).ToList();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            // Unknown and invisible answer alike: the list does not tell which ids exist in queues the caller cannot see.
            if (!Ids.IsWellFormed(id) || await conversations.GetConversationAsync(id, cancellationToken) is not { } conversation
                || !AccessRule.CanLinkToIncident(request.Principal, conversation))
            {
                refused.Add(id);
            }
        }

        if (refused.Count > 0)
        {
            throw Refuse(refused);
        }

        var result = await incidents.LinkAsync(request.IncidentId, ids, request.ActorId, time.GetUtcNow(), cancellationToken);
        switch (result.Status)
        {
            case IncidentLinkStatus.NotFound: return Outcome<IncidentDto>.NotFound;
            case IncidentLinkStatus.Resolved:
                return Outcome<IncidentDto>.Conflict("The incident is resolved.", "Nothing more is linked to a resolved incident.");
            case IncidentLinkStatus.ConversationsMissing: throw Refuse(result.Missing);
        }

        foreach (var (conversationId, sequence) in result.Linked)
        {
            await publisher.Publish(new ConversationIncidentLinked(conversationId, request.IncidentId, request.ActorId, sequence), cancellationToken);
        }

        if (result.Linked.Count > 0)
        {
            await publisher.Publish(new IncidentUpdated(request.IncidentId, request.ActorId), cancellationToken);
        }

        return await incidents.GetAsync(request.IncidentId, cancellationToken) is { } linked
            ? Outcome<IncidentDto>.Found(await views.DetailAsync(linked, request.Principal, cancellationToken))
            : Outcome<IncidentDto>.NotFound;
    }

    private static RequestValidationException Refuse(IEnumerable<string> ids) =>
        new([new("conversationIds", "nothing was linked: no conversation you may see has the id "
            + string.Join(", ", ids.Select(id => id.Length > 64 ? id[..64] + "…" : id)) + ".")]);
}
