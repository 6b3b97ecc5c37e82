using Omnichannel.Channels.Telegram;
using static Omnichannel.Channels.Tests.Telegram.TelegramUpdateSamples;

namespace Omnichannel.Channels.Tests.Telegram;

/// <summary>Updates that are no customer message: each is skipped with a reason the poller can log, and none throws.</summary>
public class TelegramUpdateMapperSkipTests
{
    private const string BotName = "acme-support";
    private const string Queue = "tier1";

    [Theory]
    [InlineData(nameof(CallbackQuery), TelegramSkipReason.UnhandledUpdateType)]
    [InlineData(nameof(MyChatMemberBlocked), TelegramSkipReason.UnhandledUpdateType)]
    [InlineData(nameof(ChannelPost), TelegramSkipReason.ChannelPost)]
    [InlineData(nameof(EditedChannelPost), TelegramSkipReason.ChannelPost)]
    [InlineData(nameof(FromOtherBot), TelegramSkipReason.FromBot)]
    [InlineData(nameof(UnknownFutureUpdate), TelegramSkipReason.UnknownUpdateType)]
    [InlineData(nameof(NewChatMembers), TelegramSkipReason.ServiceMessage)]
    [InlineData(nameof(AnonymousGroupAdmin), TelegramSkipReason.SentOnBehalfOfChat)]
    [InlineData(nameof(LiveLocationMoved), TelegramSkipReason.LiveLocationUpdate)]
    [InlineData(nameof(FutureMessageContent), TelegramSkipReason.UnsupportedContent)]
    public void Updates_that_are_not_customer_messages_are_skipped_with_their_reason(string sample, TelegramSkipReason reason)
    {
        var json = (string)typeof(TelegramUpdateSamples).GetField(sample)!.GetValue(null)!;
        var update = TelegramUpdateJson.Parse(json);

        var skipped = Assert.IsType<TelegramSkippedUpdate>(TelegramUpdateMapper.Map(update, BotName, Queue));

        Assert.Equal(reason, skipped.Reason);
        Assert.Equal(update.Id, skipped.UpdateId);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Detail));
    }

    [Fact]
    public void A_message_in_a_chat_type_newer_than_the_library_is_skipped()
    {
        var json = PrivateText.Replace("\"type\":\"private\"", "\"type\":\"guild\"", StringComparison.Ordinal);

        var skipped = Assert.IsType<TelegramSkippedUpdate>(TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(json), BotName, Queue));

        Assert.Equal(TelegramSkipReason.UnsupportedChatType, skipped.Reason);
    }
}
