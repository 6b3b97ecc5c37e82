using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>
/// <c>POST /api/incidents/{id}/reply</c>: the same public reply to every linked conversation that is not resolved,
/// each through the agent reply's own path (<see cref="SendReply"/>: stored pending with its outbox entry, then
/// delivered by the conversation's channel). Each conversation's message id is derived from (incident, reply,
/// conversation), so a retried request, or one repeated after a crash half way, sends nothing twice and finishes
/// the rest.
/// </summary>
public sealed record ReplyToIncident(string IncidentId, string? Text, string? ReplyId, Actor Author)
    : IRequest<Outcome<IncidentReplyDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        foreach (var error in TextRules.Required("text", Text, TextRules.MaxMessageLength, multiline: true))
        {
            yield return error;
        }

        if (ReplyId is not null && !Ids.IsWellFormed(ReplyId))
        {
            yield return new("replyId", "must be 1 to 64 letters, digits, '-' or '_'.");
        }
    }
}

public sealed class ReplyToIncidentHandler(
    IIncidentStore incidents, IConversationStore conversations, IMediator mediator, IPublisher publisher, TimeProvider time)
    : IRequestHandler<ReplyToIncident, Outcome<IncidentReplyDto>>
{
    public async ValueTask<Outcome<IncidentReplyDto>> Handle(ReplyToIncident request, CancellationToken cancellationToken)
    {
        if (await incidents.GetAsync(request.IncidentId, cancellationToken) is not { } incident)
        {
            return Outcome<IncidentReplyDto>.NotFound;
        }

        if (incident.Status != IncidentStatus.Open)
        {
            return Outcome<IncidentReplyDto>.Conflict("The incident is resolved.", "A resolved incident's conversations are closed.");
        }

        var replyId = request.ReplyId ?? IncidentReplyIds.ForText(request.Text!);
        var outcomes = new List<IncidentReplyOutcomeDto>();
        foreach (var conversationId in incident.ConversationIds)
        {
            outcomes.Add(await SendAsync(incident.Id, replyId, conversationId, request, cancellationToken));
        }

        var reached = outcomes.Where(o => o.Outcome != "skipped").Select(o => o.ConversationId).ToList();
        if (await incidents.RecordReplyAsync(incident.Id, replyId, reached, request.Author.Id, time.GetUtcNow(), cancellationToken))
        {
            await publisher.Publish(new IncidentUpdated(incident.Id, request.Author.Id), cancellationToken);
        }

        return Outcome<IncidentReplyDto>.Found(new IncidentReplyDto(replyId, outcomes));
    }

    private async Task<IncidentReplyOutcomeDto> SendAsync(
        string incidentId, string replyId, string conversationId, ReplyToIncident request, CancellationToken cancellationToken)
    {
        var messageId = IncidentReplyIds.Message(incidentId, replyId, conversationId);
        // A resolved conversation is closed: its customer heard the end already (docs/sla.md). Sent before it was
        // resolved (a retry), it still counts as sent.
        if (await conversations.GetMessageAsync(messageId, cancellationToken) is not null)
        {
            return new(conversationId, "already-sent", messageId, null);
        }

        if (await conversations.GetConversationAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return new(conversationId, "skipped", null, "gone");
        }

        if (conversation.Status == ConversationStatus.Resolved)
        {
            return new(conversationId, "skipped", null, "resolved");
        }

        var result = await mediator.Send(new SendReply(conversationId, request.Author, request.Text!, MessageId: messageId), cancellationToken);
        return result switch
        {
            null => new(conversationId, "skipped", null, "gone"),
            { Duplicate: true } => new(conversationId, "already-sent", messageId, null),
            _ => new(conversationId, "sent", messageId, null),
        };
    }
}
