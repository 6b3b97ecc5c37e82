using Omnichannel.Core.Model;

namespace Omnichannel.Core.Tests.Model;

public class ConversationStatusTextTests
{
    public static TheoryData<ConversationStatus> EveryStatus => [.. ConversationStatusText.All];

    [Fact]
    public void All_lists_every_status_once()
    {
        Assert.Equal(Enum.GetValues<ConversationStatus>(), ConversationStatusText.All);
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_status_survives_a_round_trip_through_text(ConversationStatus status)
    {
        Assert.Equal(status, ConversationStatusText.Parse(status.ToText()));
    }

    [Theory]
    [InlineData("open", ConversationStatus.Open)]
    [InlineData(" Pending ", ConversationStatus.Pending)]
    [InlineData("SNOOZED", ConversationStatus.Snoozed)]
    [InlineData("resolved", ConversationStatus.Resolved)]
    public void Status_text_is_read_ignoring_case_and_padding(string text, ConversationStatus expected)
    {
        Assert.True(ConversationStatusText.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("closed")]
    [InlineData("0")]
    public void Unknown_status_text_is_refused(string? text)
    {
        Assert.False(ConversationStatusText.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ConversationStatusText.Parse(text!));
    }
}
