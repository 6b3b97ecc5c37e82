using Omnichannel.Core.CannedResponses;

namespace Omnichannel.Core.Tests.CannedResponses;

public class CannedResponseTemplateTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        [CannedResponseVariables.ContactName] = "Ana",
        [CannedResponseVariables.ContactEmail] = null,
        [CannedResponseVariables.AgentName] = "Bo",
        [CannedResponseVariables.ConversationId] = "c-42",
    };

    [Fact]
    public void Known_variables_are_filled_in_with_or_without_spaces_inside_the_braces() =>
        Assert.Equal(
            "Hi Ana, this is Bo about c-42.",
            CannedResponseTemplate.Render("Hi {{contact.name}}, this is {{ agent.name }} about {{conversation.id  }}.", Values));

    [Fact]
    public void A_known_variable_without_a_value_becomes_empty() =>
        Assert.Equal("Mail: .", CannedResponseTemplate.Render("Mail: {{contact.email}}.", Values));

    [Theory]
    [InlineData("Dear {{contact.title}}")]
    [InlineData("Dear {{ contact }}")]
    [InlineData("Dear {contact.name}")]
    [InlineData("Dear {{Contact.Name}}")]
    public void Anything_else_stays_as_typed(string text) => Assert.Equal(text, CannedResponseTemplate.Render(text, Values));

    [Fact]
    public void A_value_that_looks_like_a_variable_is_not_read_again()
    {
        var values = new Dictionary<string, string?> { [CannedResponseVariables.ContactName] = "{{agent.name}}", [CannedResponseVariables.AgentName] = "Bo" };

        Assert.Equal("Hi {{agent.name}}", CannedResponseTemplate.Render("Hi {{contact.name}}", values));
    }
}
