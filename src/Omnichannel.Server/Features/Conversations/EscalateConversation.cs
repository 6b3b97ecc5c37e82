using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Features.Conversations;

/// <summary>
/// <c>POST /api/conversations/{id}/escalate</c> (<see cref="Up"/>) and <c>…/de-escalate</c>: the conversation moves to
/// its queue's <c>escalatesTo</c> queue, or back to the one it came from, with the note as a private note; the
/// assignee or a lead (docs/sla.md, "Tiers and escalation").
/// </summary>
public sealed record EscalateConversation(string Id, bool Up, string? Note, Principal? Principal, Actor Actor) : IRequest<Outcome<Conversation>>;

public sealed class EscalateConversationValidator : IRequestValidator<EscalateConversation>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(EscalateConversation request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ValidationError>>([.. TextRules.Optional("note", request.Note, TextRules.MaxMessageLength, multiline: true)]);
}

public sealed class EscalateConversationHandler(
    IConversationStore conversations, IAssignmentStore assignments, IMediator mediator, TimeProvider time)
    : IRequestHandler<EscalateConversation, Outcome<Conversation>>
{
    public async ValueTask<Outcome<Conversation>> Handle(EscalateConversation request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.Id) || await conversations.GetConversationAsync(request.Id, cancellationToken) is not { } conversation)
        {
            return Outcome<Conversation>.NotFound;
        }

        if (!AccessRule.CanEscalate(request.Principal, conversation))
        {
            return Outcome<Conversation>.Forbidden;
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        // The reason travels with the conversation as a private note, for the next tier's agent to read first.
        var privateNote = note is null
            ? null
            : new OutboundMessage(request.Id, request.Actor.Kind, request.Actor.Id, request.Actor.Name, (request.Up ? "Escalated: " : "Returned: ") + note, IsPrivate: true);
        var outcome = await assignments.EscalateAsync(request.Id, request.Up, request.Actor.Id!, note, privateNote, time.GetUtcNow(), cancellationToken: cancellationToken);
        switch (outcome)
        {
            case null:
                return Outcome<Conversation>.NotFound;
            case { Applied: false, Problem: var problem }:
                return Outcome<Conversation>.Conflict(Title(problem), null);
        }

        await mediator.PublishAsync(request.Id, outcome, request.Up, request.Actor.Id!, cancellationToken);

        return await conversations.GetConversationAsync(request.Id, cancellationToken) is { } updated
            ? Outcome<Conversation>.Found(updated)
            : Outcome<Conversation>.NotFound;
    }

    private static string Title(string? problem) => problem switch
    {
        "resolved" => "A resolved conversation does not change tiers.",
        "no-escalation" => "This conversation's queue escalates to no other queue.",
        "not-escalated" => "This conversation was not escalated: there is no tier to return it to.",
        "queue-gone" => "The queue it would move to no longer exists.",
        _ => "The conversation cannot change tiers.",
    };
}
