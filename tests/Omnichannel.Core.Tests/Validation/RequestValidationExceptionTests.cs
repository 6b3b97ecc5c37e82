using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Validation;

public class RequestValidationExceptionTests
{
    [Fact]
    public void The_exception_keeps_the_errors_and_names_them_in_its_message()
    {
        ValidationError[] errors = [new("text", "is required."), new("queue", "must be letters, digits, '-' or '_'.")];

        var exception = new RequestValidationException(errors);

        Assert.Equal(errors, exception.Errors);
        Assert.Equal("Request validation failed: text: is required.; queue: must be letters, digits, '-' or '_'.", exception.Message);
    }
}
