using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Assignment;

internal static class EscalationPublishing
{
    /// <summary>
    /// Tells listeners (the agent hub, metrics) about a tier change escalate.lua made: its private note, the
    /// assignments, and the escalation itself, in the order the store wrote them.
    /// </summary>
    public static async Task PublishAsync(
        this IPublisher publisher, string conversationId, EscalationOutcome outcome, bool up, string actorId, CancellationToken cancellationToken)
    {
        if (outcome.Note is { } note)
        {
            await publisher.Publish(new MessageCreated(conversationId, note.MessageId, MessageDirection.Out, true, note.Channel, note.EventSequence), cancellationToken);
        }

        await publisher.PublishAsync(outcome.Changes, actorId, cancellationToken);
        await publisher.Publish(new ConversationEscalated(conversationId, outcome.FromQueue!, outcome.ToQueue!, outcome.Tier!, up, actorId, outcome.Sequence), cancellationToken);
    }
}
