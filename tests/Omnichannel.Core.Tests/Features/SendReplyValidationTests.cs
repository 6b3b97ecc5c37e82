using Omnichannel.Core.Features;
using Omnichannel.Core.Tests.TestDoubles;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Features;

public class SendReplyValidationTests
{
    private static readonly Actor Ana = TestData.ActorFor("ana");

    [Fact]
    public void A_reply_or_note_with_text_is_valid_including_line_breaks_and_tabs()
    {
        const string Text = "Hi Ana,\r\n\tyour order ships today.\n\nBo";

        Assert.Empty(new SendReply("conv-1", Ana, Text).Validate());
        Assert.Empty(new AddPrivateNote("conv-1", Ana, Text).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void A_reply_or_note_needs_text(string text)
    {
        var expected = new ValidationError("text", "is required.");

        Assert.Equal(expected, Assert.Single(new SendReply("conv-1", Ana, text).Validate()));
        Assert.Equal(expected, Assert.Single(new AddPrivateNote("conv-1", Ana, text).Validate()));
    }

    [Fact]
    public void A_reply_or_note_with_text_that_cannot_be_stored_is_rejected()
    {
        // Built here, not passed as theory data: xunit's serialization would replace a lone surrogate with U+FFFD.
        foreach (var text in new[] { "before\0after", "broken \ud800 text" })
        {
            Assert.Equal("text", Assert.Single(new SendReply("conv-1", Ana, text).Validate()).Field);
            Assert.Equal("text", Assert.Single(new AddPrivateNote("conv-1", Ana, text).Validate()).Field);
        }
    }

    [Fact]
    public void A_reply_or_note_is_limited_to_the_message_length()
    {
        var longest = new string('a', TextRules.MaxMessageLength);

        Assert.Empty(new SendReply("conv-1", Ana, longest).Validate());
        Assert.Equal("text", Assert.Single(new SendReply("conv-1", Ana, longest + "a").Validate()).Field);
        Assert.Equal("text", Assert.Single(new AddPrivateNote("conv-1", Ana, longest + "a").Validate()).Field);
    }
}
