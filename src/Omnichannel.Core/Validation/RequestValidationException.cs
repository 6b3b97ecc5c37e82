namespace Omnichannel.Core.Validation;

/// <summary>Thrown by the validation pipeline behavior; the server turns it into a 400 problem details.</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("Request validation failed: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
