using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Validation;

public class TextRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("Olá, ¿qué tal? Привет 你好")]
    [InlineData("an emoji \ud83d\ude00 is a surrogate pair")]
    public void Text_made_of_whole_characters_is_well_formed(string text)
    {
        Assert.True(TextRules.IsWellFormedUnicode(text));
    }

    // Lone surrogates are built here, not passed as theory data: xunit's serialization would replace them with U+FFFD.
    [Fact]
    public void Text_with_a_lone_surrogate_is_not_well_formed()
    {
        string[] broken = ["\ud800", "\udc00", "high surrogate at the end \ud83d", "low surrogate first \ude00\ud83d", "two highs \ud83d\ud83d\ude00"];

        Assert.All(broken, text => Assert.False(TextRules.IsWellFormedUnicode(text)));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\t")]
    public void Line_breaks_and_tabs_do_not_count_as_control_characters(string text)
    {
        Assert.False(TextRules.HasControlCharacters("a" + text + "b"));
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0001')]
    [InlineData('\u001b')]
    [InlineData('\u007f')]
    [InlineData('\u0085')]
    public void Other_control_characters_are_found(char control)
    {
        Assert.True(TextRules.HasControlCharacters("a" + control + "b"));
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\r\nline two")]
    [InlineData("col\tcol")]
    public void Multiline_text_may_contain_line_breaks_and_tabs(string text)
    {
        Assert.Empty(TextRules.Required("text", text, 100, multiline: true));
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\rline two")]
    [InlineData("col\tcol")]
    [InlineData("bell\u0007")]
    [InlineData("nul\0")]
    public void A_single_line_field_rejects_control_characters_including_line_breaks(string text)
    {
        var error = Assert.Single(TextRules.Required("subject", text, 100));

        Assert.Equal(new ValidationError("subject", "contains control characters."), error);
    }

    [Fact]
    public void Multiline_text_rejects_the_nul_character()
    {
        var error = Assert.Single(TextRules.Required("text", "before\0after", 100, multiline: true));

        Assert.Equal(new ValidationError("text", "contains control characters."), error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lone_surrogate_is_rejected_in_single_line_and_multiline_fields(bool multiline)
    {
        var error = Assert.Single(TextRules.Optional("text", "broken \ud800 text", 100, multiline));

        Assert.Equal(new ValidationError("text", "is not valid Unicode text."), error);
    }

    [Fact]
    public void Text_up_to_the_limit_is_accepted_and_one_more_character_is_not()
    {
        Assert.Empty(TextRules.Required("name", new string('a', 10), 10));

        var error = Assert.Single(TextRules.Required("name", new string('a', 11), 10));
        Assert.Equal(new ValidationError("name", "must be at most 10 characters."), error);
    }

    [Fact]
    public void A_message_may_be_as_long_as_the_message_limit()
    {
        var longest = new string('a', TextRules.MaxMessageLength);

        Assert.Empty(TextRules.Required("text", longest, TextRules.MaxMessageLength, multiline: true));
        Assert.Single(TextRules.Required("text", longest + "a", TextRules.MaxMessageLength, multiline: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void A_required_field_must_have_visible_content(string? value)
    {
        var error = Assert.Single(TextRules.Required("account", value, 100, multiline: true));

        Assert.Equal(new ValidationError("account", "is required."), error);
    }

    [Fact]
    public void An_optional_field_may_be_missing()
    {
        Assert.Empty(TextRules.Optional("subject", null, 10));
    }

    [Fact]
    public void An_optional_field_that_is_present_follows_the_same_rules()
    {
        Assert.Single(TextRules.Optional("subject", new string('a', 11), 10));
        Assert.Single(TextRules.Optional("subject", "a\u0001", 10));
    }
}
