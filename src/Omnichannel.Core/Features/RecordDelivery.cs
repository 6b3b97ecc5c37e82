using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Features;

/// <summary>A channel (or the API channel's integration) reports how far an outbound message got.</summary>
public sealed record RecordDelivery(string ConversationId, string MessageId, DeliveryState State, string? Error) : IRequest<DeliveryUpdate?>, IValidatable
{
    public IEnumerable<ValidationError> Validate()
    {
        if (State is DeliveryState.None or DeliveryState.Pending)
        {
            yield return new("state", "must be sent, delivered or failed.");
        }

        foreach (var error in TextRules.Optional("error", Error, 2000))
        {
            yield return error;
        }
    }
}

public sealed class RecordDeliveryHandler(IOutboundQueue outbound, IPublisher publisher, TimeProvider time) : IRequestHandler<RecordDelivery, DeliveryUpdate?>
{
    public async ValueTask<DeliveryUpdate?> Handle(RecordDelivery request, CancellationToken cancellationToken)
    {
        var update = await outbound.SetDeliveryAsync(request.MessageId, request.State, request.Error, time.GetUtcNow(), cancellationToken);
        if (update is { Changed: true })
        {
            await publisher.Publish(new MessageDeliveryChanged(request.ConversationId, request.MessageId, update.Previous, request.State, request.Error, update.EventSequence), cancellationToken);
        }

        return update;
    }
}
