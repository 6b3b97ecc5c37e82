using Mediator;

namespace Omnichannel.Core.Validation;

/// <summary>
/// Rejects invalid requests before any handler runs, so a bad request never changes state: first what the request
/// tells about itself (<see cref="IValidatable"/>), then, only when that holds, its validators that read the store
/// (<see cref="IRequestValidator{TRequest}"/>): an id reaches a key only once its shape was checked.
/// </summary>
public sealed class MessageValidationBehavior<TMessage, TResponse>(IEnumerable<IRequestValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IRequestValidator<TMessage>[] _validators = [.. validators];

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidatable validatable && validatable.Validate().ToList() is { Count: > 0 } own)
        {
            throw new RequestValidationException(own);
        }

        // Most requests have no store checks: no state machine for them.
        return _validators.Length == 0 ? next(message, cancellationToken) : ValidateThenHandleAsync(message, next, cancellationToken);
    }

    private async ValueTask<TResponse> ValidateThenHandleAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        foreach (var validator in _validators)
        {
            errors.AddRange(await validator.ValidateAsync(message, cancellationToken));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return await next(message, cancellationToken);
    }
}
