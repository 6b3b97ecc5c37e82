using Omnichannel.Core.Model;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Rules;

public class ConversationLifecycleTests
{
    private static readonly DateTimeOffset Now = TestData.Now;

    public static TheoryData<ConversationStatus> EveryStatus => [.. ConversationStatusText.All];

    public static TheoryData<ConversationStatus> EveryStatusButSnoozed =>
        [.. ConversationStatusText.All.Where(s => s != ConversationStatus.Snoozed)];

    [Fact]
    public void Snoozing_requires_a_time()
    {
        Assert.Equal("snoozeUntil is required to snooze.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, null, Now));
    }

    [Fact]
    public void Snoozing_requires_a_time_in_the_future()
    {
        Assert.Equal("snoozeUntil must be in the future.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddSeconds(-1), Now));
        Assert.Equal("snoozeUntil must be in the future.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddDays(-30), Now));
    }

    [Fact]
    public void Snoozing_until_this_very_moment_is_not_in_the_future()
    {
        Assert.Equal("snoozeUntil must be in the future.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now, Now));
    }

    [Fact]
    public void Snoozing_is_limited_to_one_year()
    {
        Assert.Null(ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddYears(1), Now));
        Assert.Equal("snoozeUntil must be within a year.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddYears(1).AddTicks(1), Now));
        Assert.Equal("snoozeUntil must be within a year.", ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddYears(5), Now));
    }

    [Fact]
    public void Snoozing_until_a_moment_within_the_year_is_allowed()
    {
        Assert.Null(ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddTicks(1), Now));
        Assert.Null(ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, Now.AddHours(4), Now));
    }

    [Fact]
    public void The_snooze_time_is_compared_as_an_instant_whatever_its_offset()
    {
        var oneHourAheadWrittenInTokyoTime = Now.AddHours(1).ToOffset(TimeSpan.FromHours(9));
        var oneHourAgoWrittenInNewYorkTime = Now.AddHours(-1).ToOffset(TimeSpan.FromHours(-5));

        Assert.Null(ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, oneHourAheadWrittenInTokyoTime, Now));
        Assert.NotNull(ConversationLifecycle.CheckChange(ConversationStatus.Snoozed, oneHourAgoWrittenInNewYorkTime, Now));
    }

    [Theory]
    [MemberData(nameof(EveryStatusButSnoozed))]
    public void A_snooze_time_is_only_allowed_when_snoozing(ConversationStatus target)
    {
        Assert.Equal("snoozeUntil is only allowed with status snoozed.", ConversationLifecycle.CheckChange(target, Now.AddHours(1), Now));
        Assert.Null(ConversationLifecycle.CheckChange(target, null, Now));
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void A_customer_writing_again_reopens_the_conversation_from_any_status(ConversationStatus current)
    {
        Assert.Equal(ConversationStatus.Open, ConversationLifecycle.AfterInbound(current));
    }

    [Theory]
    [InlineData(ConversationStatus.Open, false)]
    [InlineData(ConversationStatus.Pending, false)]
    [InlineData(ConversationStatus.Snoozed, false)]
    [InlineData(ConversationStatus.Resolved, true)]
    public void Only_a_resolved_conversation_counts_as_reopened(ConversationStatus current, bool reopens)
    {
        Assert.Equal(reopens, ConversationLifecycle.IsReopen(current));
    }
}
