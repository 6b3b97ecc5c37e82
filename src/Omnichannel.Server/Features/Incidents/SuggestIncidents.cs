using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>GET /api/incidents/suggestions?conversationId=…</c>: the open incidents this conversation may belong to, by
/// <see cref="IncidentKeywords"/> over its recent customer messages (not those it is linked to already); most
/// keywords first, then newest.
/// </summary>
public sealed record SuggestIncidents(string? ConversationId, Principal? Principal) : IRequest<Outcome<IReadOnlyList<IncidentSuggestionDto>>>;

public sealed class SuggestIncidentsHandler(IIncidentStore incidents, IConversationStore conversations, IncidentViews views)
    : IRequestHandler<SuggestIncidents, Outcome<IReadOnlyList<IncidentSuggestionDto>>>
{
    /// <summary>How many of the conversation's latest messages are read (customer ones among them count).</summary>
    public const int RecentMessages = 20;

    public async ValueTask<Outcome<IReadOnlyList<IncidentSuggestionDto>>> Handle(SuggestIncidents request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.ConversationId)
            || await conversations.GetConversationAsync(request.ConversationId!, cancellationToken) is not { } conversation)
        {
            return Outcome<IReadOnlyList<IncidentSuggestionDto>>.NotFound;
        }

        if (!AccessRule.CanSeeConversation(request.Principal, conversation))
        {
            return Outcome<IReadOnlyList<IncidentSuggestionDto>>.Forbidden;
        }

        var page = await conversations.ListMessagesAsync(conversation.Id, null, RecentMessages, cancellationToken);
        var customer = page.Items.Where(m => m is { Direction: MessageDirection.In, IsPrivate: false }).ToList();
        var suggestions = new List<(IncidentSuggestionDto Suggestion, Incident Incident)>();
        foreach (var incident in (await incidents.ListAsync(cancellationToken))
            .Where(i => i.Status == IncidentStatus.Open && !i.ConversationIds.Contains(conversation.Id, StringComparer.Ordinal)))
        {
            var keywords = IncidentKeywords.Of(incident.Title);
            var matched = customer.SelectMany(m => IncidentKeywords.Matches(keywords, incident.CreatedAt, m.Text, m.CreatedAt))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (matched.Count > 0)
            {
                suggestions.Add((new(await views.SummaryAsync(incident, request.Principal, cancellationToken), matched), incident));
            }
        }

        return Outcome<IReadOnlyList<IncidentSuggestionDto>>.Found(
            [.. suggestions.OrderByDescending(s => s.Suggestion.Keywords.Count).ThenByDescending(s => s.Incident.CreatedAt).Select(s => s.Suggestion)]);
    }
}
