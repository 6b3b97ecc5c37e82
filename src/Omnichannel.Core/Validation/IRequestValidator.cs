namespace Omnichannel.Core.Validation;

/// <summary>
/// The checks of a request that need the store (an agent that must exist, a queue's current settings). A request
/// checks its own shape with <see cref="IValidatable"/>; <see cref="MessageValidationBehavior{TMessage, TResponse}"/>
/// runs both, in that order, and refuses the request with one list before its handler runs.
/// </summary>
public interface IRequestValidator<in TRequest>
{
    ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(TRequest request, CancellationToken cancellationToken);
}
