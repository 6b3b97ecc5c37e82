namespace Omnichannel.Core.Validation;

/// <summary>One problem with one field of a request. <see cref="Field"/> uses the JSON (camelCase) path.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown by the validation pipeline behavior; the server turns it into a 400 problem details.</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("Request validation failed: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>A request that can tell what is wrong with itself, without I/O.</summary>
public interface IValidatable
{
    IEnumerable<ValidationError> Validate();
}
