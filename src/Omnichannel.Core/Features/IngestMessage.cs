using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Features;

/// <summary>Stores one inbound customer message exactly once, whatever channel it came from.</summary>
public sealed record IngestMessage(InboundMessage Message) : IRequest<IngestResult>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        var m = Message;
        foreach (var e in TextRules.Required("channel", m.Channel, 32))
        {
            yield return e;
        }

        foreach (var e in TextRules.Required("account", m.Account, 200))
        {
            yield return e;
        }

        foreach (var e in TextRules.Required("sourceId", m.ExternalId, TextRules.MaxIdentifierLength))
        {
            yield return e;
        }

        foreach (var e in IdentityRules.Validate("contact.identifier", m.Sender))
        {
            yield return e;
        }

        for (var i = 0; i < m.OtherIdentities.Count; i++)
        {
            foreach (var e in IdentityRules.Validate($"contact.identities[{i}]", m.OtherIdentities[i]))
            {
                yield return e;
            }
        }

        for (var i = 0; i < m.ClaimedIdentities.Count; i++)
        {
            foreach (var e in IdentityRules.Validate($"contact.claimed[{i}]", m.ClaimedIdentities[i]))
            {
                yield return e;
            }
        }

        foreach (var e in TextRules.Optional("contact.name", m.SenderName, TextRules.MaxNameLength))
        {
            yield return e;
        }

        if (string.IsNullOrWhiteSpace(m.Text) && m.Attachments.Count == 0)
        {
            yield return new("text", "is required when there are no attachments.");
        }

        foreach (var e in TextRules.Optional("text", m.Text, TextRules.MaxMessageLength, multiline: true))
        {
            yield return e;
        }

        foreach (var e in TextRules.Optional("subject", m.Subject, 998))
        {
            yield return e;
        }

        foreach (var e in TextRules.Optional("threadKey", m.ThreadKey, TextRules.MaxIdentifierLength))
        {
            yield return e;
        }

        foreach (var e in InputRules.Slug("queue", m.Queue))
        {
            yield return e;
        }
    }
}

public sealed class IngestMessageHandler(IConversationStore store, IPublisher publisher, TimeProvider time)
    : IRequestHandler<IngestMessage, IngestResult>
{
    public async ValueTask<IngestResult> Handle(IngestMessage request, CancellationToken cancellationToken)
    {
        var inbound = request.Message with
        {
            Sender = IdentityRules.Normalize(request.Message.Sender),
            OtherIdentities = [.. request.Message.OtherIdentities.Select(IdentityRules.Normalize)],
            ClaimedIdentities = [.. request.Message.ClaimedIdentities.Select(IdentityRules.Normalize)],
            SenderName = string.IsNullOrWhiteSpace(request.Message.SenderName) ? null : request.Message.SenderName.Trim(),
        };

        var result = await store.IngestAsync(inbound, time.GetUtcNow(), cancellationToken);
        if (result.Duplicate)
        {
            return result;
        }

        if (result.ConversationCreated)
        {
            await publisher.Publish(new ConversationCreated(result.ConversationId, result.ContactId, inbound.Channel, inbound.Queue, result.ConversationEventSequence), cancellationToken);
        }
        else if (result.Reopened)
        {
            await publisher.Publish(new ConversationReopened(result.ConversationId, result.ConversationEventSequence), cancellationToken);
        }
        else if (result.ConversationEventSequence > 0 && result.PreviousStatus is { } previous)
        {
            await publisher.Publish(new ConversationStatusChanged(result.ConversationId, previous, ConversationStatus.Open, result.ContactId, result.ConversationEventSequence), cancellationToken);
        }

        await publisher.Publish(new MessageCreated(result.ConversationId, result.MessageId, MessageDirection.In, false, inbound.Channel, result.EventSequence), cancellationToken);
        foreach (var change in result.Assignments ?? [])
        {
            await publisher.Publish(new ConversationAssigned(change.ConversationId, change.From, change.To, change.Reason, null, change.EventSequence), cancellationToken);
        }

        return result;
    }
}
