using Omnichannel.Channels.Telegram;

namespace Omnichannel.Channels.Tests.Telegram;

public class TelegramStartCommandTests
{
    [Theory]
    [InlineData("/start campaign42", "campaign42")]
    [InlineData("/start@AcmeSupportBot group_invite-7", "group_invite-7")]
    [InlineData("/start  padded ", "padded")]
    [InlineData("/start aGVsbG8td29ybGQ_", "aGVsbG8td29ybGQ_")]
    public void A_deep_link_payload_is_read(string text, string payload) =>
        Assert.Equal(payload, TelegramStartCommand.Payload(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/start")]
    [InlineData("/start@AcmeSupportBot")]
    [InlineData("/start ")]
    [InlineData("/startnow abc")]
    [InlineData("/start@ abc")]
    [InlineData("hello /start abc")]
    [InlineData("/Start abc")]
    [InlineData("/start hello there")]
    [InlineData("/start ünïcode")]
    [InlineData("/help abc")]
    public void Anything_a_deep_link_cannot_produce_is_no_payload(string? text) =>
        Assert.Null(TelegramStartCommand.Payload(text));

    [Fact]
    public void A_payload_is_at_most_64_characters()
    {
        Assert.Equal(new string('a', 64), TelegramStartCommand.Payload("/start " + new string('a', 64)));
        Assert.Null(TelegramStartCommand.Payload("/start " + new string('a', 65)));
    }
}
