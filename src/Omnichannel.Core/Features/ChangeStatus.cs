using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Features;

public sealed record ChangeStatus(string ConversationId, ConversationStatus Status, DateTimeOffset? SnoozeUntil, Actor Actor)
    : IRequest<StatusChangeResult?>;

public sealed class ChangeStatusHandler(IConversationStore store, IPublisher publisher, TimeProvider time)
    : IRequestHandler<ChangeStatus, StatusChangeResult?>
{
    public async ValueTask<StatusChangeResult?> Handle(ChangeStatus request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (ConversationLifecycle.CheckChange(request.Status, request.SnoozeUntil, now) is { } problem)
        {
            throw new RequestValidationException([new ValidationError("snoozeUntil", problem)]);
        }

        var result = await store.ChangeStatusAsync(request.ConversationId, request.Status, request.SnoozeUntil, request.Actor.Id, now, cancellationToken);
        if (result is not null && result.Previous != result.Current)
        {
            await publisher.Publish(new ConversationStatusChanged(request.ConversationId, result.Previous, result.Current, request.Actor.Id, result.EventSequence), cancellationToken);
        }

        return result;
    }
}
