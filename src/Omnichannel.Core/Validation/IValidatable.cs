namespace Omnichannel.Core.Validation;

/// <summary>A request that can tell what is wrong with itself, without I/O.</summary>
public interface IValidatable
{
    IEnumerable<ValidationError> Validate();
}
