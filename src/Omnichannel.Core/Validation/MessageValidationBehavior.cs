using Mediator;

namespace Omnichannel.Core.Validation;

/// <summary>Rejects invalid requests before any handler runs, so a bad request never changes state.</summary>
public sealed class MessageValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidatable validatable)
        {
            var errors = validatable.Validate().ToList();
            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }
        }

        return next(message, cancellationToken);
    }
}
