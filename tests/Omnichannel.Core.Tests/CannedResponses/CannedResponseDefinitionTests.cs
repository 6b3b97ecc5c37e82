using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.CannedResponses;

public class CannedResponseDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_personal_response_belongs_to_its_author_and_a_shared_one_to_nobody()
    {
        var personal = new CannedResponseDefinition("reset", " Password reset ", "Hi {{contact.name}}").ToResponse("r1", "agent-1", Now);
        var shared = new CannedResponseDefinition("Reset", null, "Hi", "shared").ToResponse("r2", "agent-1", Now);

        Assert.Equal((CannedResponseVisibility.Personal, "agent-1", "Password reset"), (personal.Visibility, personal.OwnerAgentId, personal.Title));
        Assert.Equal((CannedResponseVisibility.Shared, (string?)null), (shared.Visibility, shared.OwnerAgentId));
        Assert.Equal("agent:agent-1:reset", personal.ShortCodeScope);
        Assert.Equal("shared:reset", shared.ShortCodeScope);
    }

    [Theory]
    [InlineData("", "shortCode")]
    [InlineData("two words", "shortCode")]
    [InlineData("a:b", "shortCode")]
    [InlineData("/reset", "shortCode")]
    [InlineData("reset\n", "shortCode")]
    [InlineData("ünïcode", "shortCode")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "shortCode")]
    public void A_short_code_is_one_word_of_letters_digits_dashes_and_underscores(string shortCode, string field)
    {
        var errors = new CannedResponseDefinition(shortCode, null, "text").Validate();

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once_and_nothing_is_built()
    {
        var bad = new CannedResponseDefinition(null, new string('t', 201), new string('x', 4_001), "public");

        Assert.Equal(["shortCode", "title", "text", "visibility"], bad.Validate().Select(e => e.Field));
        Assert.Throws<RequestValidationException>(() => bad.ToResponse("r", "a", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_text_is_required(string? text) =>
        Assert.Equal("text", Assert.Single(new CannedResponseDefinition("hi", null, text).Validate()).Field);

    [Fact]
    public void Four_thousand_characters_of_text_with_line_breaks_are_fine() =>
        Assert.Empty(new CannedResponseDefinition("long", "Long", string.Join('\n', Enumerable.Repeat(new string('x', 399), 10))).Validate());
}
